package io.rebatch.readers.report;

import io.rebatch.domain.BadInputException;
import tools.jackson.databind.JsonNode;

/** {@link RowFields} over one JSON object of an API page (numbers already exact, see {@link JsonTree}). */
final class JsonRowFields implements RowFields {
    private final JsonNode node;

    JsonRowFields(JsonNode node) {
        this.node = node;
    }

    @Override
    public String text(String field) {
        return text(node.get(field), field);
    }

    static String text(JsonNode v, String field) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isString()) {
            return v.stringValue();
        }
        if (v.isIntegralNumber()) {
            return v.isBigInteger() ? v.bigIntegerValue().toString() : Long.toString(v.longValue());
        }
        if (v.isNumber()) {
            // toString, not toPlainString: 1E+999999999 must stay short; BigDecimal parses it back exactly
            return v.decimalValue().toString();
        }
        if (v.isBoolean()) {
            return String.valueOf(v.booleanValue());
        }
        throw new BadInputException(field + " is a JSON " + (v.isArray() ? "array" : "object") + ", expected a single value");
    }

    @Override
    public String id(String field) {
        // A fractional JSON number comes back as its text (1.23E+17, 12.0): Values refuses it with the reason.
        return Values.cleanId(text(node.get(field), field));
    }

    @Override
    public String label(String field) {
        return field;
    }
}
