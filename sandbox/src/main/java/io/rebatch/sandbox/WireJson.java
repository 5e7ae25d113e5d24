package io.rebatch.sandbox;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON writer every simulated gateway and API dump uses: compact, non-ASCII characters
 * unescaped, BigDecimal as plain text (never 1E+1), as the platforms' gateways send it. Each
 * platform's own fields and envelopes live in its package ({@code TaobaoJson}, {@code JdJson},
 * {@code PddJson}).
 */
public final class WireJson {
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private WireJson() {
    }

    public static String write(ObjectNode node) {
        return MAPPER.writeValueAsString(node);
    }
}
