package io.rebatch.readers.report;

import io.rebatch.domain.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Navigating the platforms' response envelopes: required objects, paging values that may come as numbers or
 * strings, TOP's arrays wrapped in an object keyed by the element type (absent when the page is empty), and the
 * texts of error envelopes (each platform's package reads its own). Any shape surprise here is a {@link PageParseException}: the page as a whole is not understood.
 */
public final class Envelopes {
    private Envelopes() {
    }

    /** A page body read as JSON: its tree, its root object, and its {@code error_response} object if it is one. */
    public record Page(JsonTree tree, JsonNode root, JsonNode error) {
        public boolean failed() {
            return error != null;
        }
    }

    /** Reads a page body ({@code what} names it in messages); not JSON or not an object is a PageParseException. */
    public static Page page(String body, String what) {
        JsonTree tree = JsonTree.parse(body, what);
        JsonNode root = rootObject(tree);
        JsonNode err = root.get("error_response");
        return new Page(tree, root, err != null && err.isObject() ? err : null);
    }

    /** The root object of a page. */
    public static JsonNode rootObject(JsonTree tree) {
        if (!tree.root().isObject()) {
            throw new PageParseException("page is a JSON " + tree.root().getNodeType().name().toLowerCase() + ", expected an object");
        }
        return tree.root();
    }

    /** The first of {@code names} present in {@code root}, else a PageParseException listing what was found. */
    public static JsonNode envelope(JsonNode root, String... names) {
        for (String n : names) {
            JsonNode v = root.get(n);
            if (v != null && !v.isNull()) {
                if (!v.isObject()) {
                    throw new PageParseException(n + " is not a JSON object");
                }
                return v;
            }
        }
        throw new PageParseException("expected " + String.join(" or ", names) + " (or error_response), found keys "
                + root.propertyNames());
    }

    public static JsonNode requiredObject(JsonNode parent, String field, String path) {
        JsonNode v = parent.get(field);
        if (v == null || !v.isObject()) {
            throw new PageParseException(path + "." + field + (v == null || v.isNull() ? " is missing" : " is not a JSON object"));
        }
        return v;
    }

    public static boolean bool(JsonNode parent, String field, String path) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isString() && (v.stringValue().equals("true") || v.stringValue().equals("false"))) {
            return Boolean.parseBoolean(v.stringValue());
        }
        throw new PageParseException(path + "." + field + " " + v + " is not true or false");
    }

    /** A paging number given as a JSON number or a numeric string; {@code absent} when missing. */
    public static Long number(JsonNode parent, String field, String path, Long absent) {
        JsonNode v = parent.get(field);
        String t;
        try {
            t = JsonRowFields.text(v, field);
        } catch (BadInputException e) {
            throw new PageParseException(path + "." + field + " is not a number");
        }
        if (t == null || t.isBlank()) {
            return absent;
        }
        try {
            return Values.wholeNumber(t, path + "." + field);
        } catch (BadInputException e) {
            throw new PageParseException(e.getMessage());
        }
    }

    public static String text(JsonNode parent, String field) {
        JsonNode v = parent.get(field);
        try {
            return JsonRowFields.text(v, field);
        } catch (BadInputException e) {
            throw new PageParseException(field + " is not a single value");
        }
    }

    /**
     * The elements of a TOP-style wrapped list: {@code container.elementName[]}. A missing or null container or
     * element key is an empty page (TOP omits them then); a single object instead of an array is one element.
     */
    public static List<JsonNode> wrappedList(JsonNode parent, String container, String elementName, String path) {
        JsonNode c = parent.get(container);
        if (c == null || c.isNull()) {
            return List.of();
        }
        if (c.isArray()) {
            return list(c);
        }
        if (!c.isObject()) {
            throw new PageParseException(path + "." + container + " is not a JSON object");
        }
        return plainList(c, elementName, path + "." + container);
    }

    /** {@code parent.field[]}; missing or null → empty; a single object → one element. */
    public static List<JsonNode> plainList(JsonNode parent, String field, String path) {
        JsonNode e = parent.get(field);
        if (e == null || e.isNull()) {
            return List.of();
        }
        if (e.isArray()) {
            return list(e);
        }
        if (e.isObject()) {
            return List.of(e);
        }
        throw new PageParseException(path + "." + field + " is not a JSON array");
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>(array.size());
        array.values().forEach(out::add);
        return out;
    }

    /** Maps each order object to a row; an element that is not an object is a Rejected row of its own. */
    public static List<ReportRow> rows(JsonTree tree, List<JsonNode> orders, String source, long lineNo,
                                Function<JsonNode, ReportRow> mapper) {
        List<ReportRow> rows = new ArrayList<>(orders.size());
        for (JsonNode o : orders) {
            if (!o.isObject()) {
                rows.add(new ReportRow.Rejected(source, lineNo, o.toString(), "order entry is a JSON "
                        + o.getNodeType().name().toLowerCase() + ", expected an object"));
            } else {
                rows.add(mapper.apply(o));
            }
        }
        return rows;
    }

    public static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                if (sb.length() > 0) {
                    sb.append("; ");
                }
                sb.append(p.strip());
            }
        }
        return sb.toString();
    }
}
