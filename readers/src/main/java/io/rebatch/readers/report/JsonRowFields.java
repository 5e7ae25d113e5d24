package io.rebatch.readers.report;

import io.rebatch.domain.BadInputException;
import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;

/** {@link RowFields} over one JSON object of an API page (numbers already exact, see {@link JsonTree}). */
public final class JsonRowFields implements RowFields {
    private final JsonNode node;

    public JsonRowFields(JsonNode node) {
        this.node = node;
    }

    @Override
    public String text(String field) {
        return text(node.get(field), field);
    }

    public static String text(JsonNode v, String field) {
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
        JsonNode v = node.get(field);
        if (v != null && v.isNumber() && !v.isIntegralNumber()) {
            // A JSON number with a decimal point or an exponent is never an id: it comes back as text that
            // IdText refuses (1.23E+17, 12.0). BigDecimal drops the exponent of 4.46805124850E11 (scale 0), so that
            // one is written back in scientific notation rather than passing as the digits 446805124850.
            BigDecimal d = v.decimalValue();
            if (d.scale() == 0) {
                String digits = d.unscaledValue().abs().toString();
                return (d.signum() < 0 ? "-" : "") + digits.charAt(0) + (digits.length() > 1 ? "." + digits.substring(1) : "")
                        + "E+" + (digits.length() - 1);
            }
            return d.toString();
        }
        return Values.cleanId(text(v, field));
    }

    @Override
    public String label(String field) {
        return field;
    }
}
