package io.rebatch.sandbox;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test-side JSON parsing: floats as BigDecimal, so money is read exactly. */
public final class TestJson {
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private TestJson() {
    }

    public static JsonNode parse(String text) {
        return MAPPER.readTree(text);
    }
}
