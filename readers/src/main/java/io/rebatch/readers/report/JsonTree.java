package io.rebatch.readers.report;

import java.util.IdentityHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BigIntegerNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * One JSON document read exactly: every fractional number is a {@link java.math.BigDecimal} (never binary floating point), every
 * integer an int, long or BigInteger (19-digit ids stay exact), and for every object that is an element of an array
 * the exact source text is kept, so that a rejected order is quarantined with the very characters the platform sent.
 *
 * <p>It owns nothing but reading: a body that is not JSON, is truncated, or has content after the document is a
 * {@link PageParseException} with a reason saying which, where, and what the body starts with.
 */
public final class JsonTree {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String text;
    private final JsonNode root;
    private final Map<JsonNode, int[]> elementSpans;

    private JsonTree(String text, JsonNode root, Map<JsonNode, int[]> elementSpans) {
        this.text = text;
        this.root = root;
        this.elementSpans = elementSpans;
    }

    public JsonNode root() {
        return root;
    }

    /** The exact source text of an array element; other nodes (not expected) fall back to their serialized form. */
    public String raw(JsonNode node) {
        int[] span = elementSpans.get(node);
        return span == null ? node.toString() : text.substring(span[0], span[1]);
    }

    /**
     * Reads {@code text} as one JSON document.
     *
     * @param what names the document in messages ("page", "queryResult")
     */
    public static JsonTree parse(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new PageParseException(what + " is empty");
        }
        Map<JsonNode, int[]> spans = new IdentityHashMap<>();
        try (JsonParser p = MAPPER.createParser(text)) {
            JsonToken first = p.nextToken();
            JsonNode root = read(p, first, spans);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                throw new PageParseException(what + " has content after the JSON document at char "
                        + p.currentTokenLocation().getCharOffset() + " of " + text.length());
            }
            return new JsonTree(text, root, spans);
        } catch (UnexpectedEndOfInputException e) {
            throw new PageParseException(what + " is truncated: the JSON ends at char " + text.length()
                    + " before the document is complete (" + startOf(text) + ")");
        } catch (JacksonException e) {
            long at = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
            throw new PageParseException(what + " is not valid JSON" + (at >= 0 ? " at char " + at : "") + ": "
                    + shortMessage(e) + " (" + startOf(text) + ")");
        }
    }

    private static JsonNode read(JsonParser p, JsonToken t, Map<JsonNode, int[]> spans) {
        if (t == null) {
            throw new UnexpectedEndOfInputException(p, null, "end of input");
        }
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    if (k == null) {
                        throw new UnexpectedEndOfInputException(p, null, "end of input in an object");
                    }
                    String name = p.currentName();
                    o.set(name, read(p, p.nextToken(), spans));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    if (e == null) {
                        throw new UnexpectedEndOfInputException(p, null, "end of input in an array");
                    }
                    int start = (int) p.currentTokenLocation().getCharOffset();
                    JsonNode element = read(p, e, spans);
                    if (element.isObject()) {
                        // currentTokenLocation is the closing brace; the span ends just after it
                        spans.put(element, new int[] {start, (int) p.currentTokenLocation().getCharOffset() + 1});
                    }
                    a.add(element);
                }
                return a;
            }
            case VALUE_STRING:
                return StringNode.valueOf(p.getString());
            case VALUE_NUMBER_INT:
                return switch (p.getNumberType()) {
                    case INT -> IntNode.valueOf(p.getIntValue());
                    case LONG -> LongNode.valueOf(p.getLongValue());
                    default -> BigIntegerNode.valueOf(p.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return DecimalNode.valueOf(p.getDecimalValue());
            case VALUE_TRUE:
                return BooleanNode.TRUE;
            case VALUE_FALSE:
                return BooleanNode.FALSE;
            case VALUE_NULL:
                return NullNode.instance;
            default:
                throw new PageParseException("unexpected JSON token " + t + " at char " + p.currentTokenLocation().getCharOffset());
        }
    }

    private static String shortMessage(JacksonException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        int cut = m.indexOf(": was expecting");
        if (cut < 0) {
            cut = m.indexOf(": expected");
        }
        m = cut > 0 ? m.substring(0, cut) : m;
        int nl = m.indexOf('\n');
        m = nl > 0 ? m.substring(0, nl) : m;
        return m.length() > 160 ? m.substring(0, 160) + "…" : m;
    }

    /** What the body starts with, so that an HTML error page or a proxy's text is recognisable in the reason. */
    public static String startOf(String text) {
        String s = text.strip().replaceAll("\\s+", " ");
        String head = s.length() > 60 ? s.substring(0, 60) + "…" : s;
        return "body starts with '" + head + "'";
    }
}
