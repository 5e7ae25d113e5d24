package io.rebatch.readers.api;

import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Platform;
import io.rebatch.sandbox.generator.Snapshot;
import io.rebatch.sandbox.server.ServedSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Snapshot identities {@code <line id>@<update epoch second>}, read straight from raw response bodies with a plain
 * JSON tree (not the production parsers), and from the sandbox's generator and served log, so they can be compared.
 */
public final class SandboxKeys {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SandboxKeys() {
    }

    public static String key(Snapshot s) {
        return s.lineId() + "@" + s.updatedAt().getEpochSecond();
    }

    public static String key(ServedSnapshot s) {
        return s.lineId() + "@" + s.updatedAt().getEpochSecond();
    }

    public static Set<String> keys(Collection<Snapshot> snapshots) {
        Set<String> out = new LinkedHashSet<>();
        snapshots.forEach(s -> out.add(key(s)));
        return out;
    }

    public static Set<String> servedKeys(Collection<ServedSnapshot> served, String api) {
        Set<String> out = new LinkedHashSet<>();
        served.stream().filter(s -> s.api().equals(api)).forEach(s -> out.add(key(s)));
        return out;
    }

    /** Every row key in a raw body of the given platform API (duplicates kept). */
    public static List<String> rowKeys(Platform platform, String api, String body) {
        JsonNode root = JSON.readTree(body);
        List<String> out = new ArrayList<>();
        if (platform.equals(Platform.TAOBAO)) {
            {
                if (api.equals("taobao.tbk.relation.refund")) {
                    for (JsonNode r : root.path("tbk_relation_refund_response").path("result").path("data").path("results").path("result")) {
                        out.add(r.get("tb_trade_id").asString() + "@" + BusinessTime.parseLocal(r.get("modified_time").asString()).getEpochSecond());
                    }
                } else {
                    for (JsonNode r : root.path("tbk_order_details_get_response").path("data").path("results").path("publisher_order_dto")) {
                        out.add(r.get("trade_id").asString() + "@" + BusinessTime.parseLocal(r.get("modified_time").asString()).getEpochSecond());
                    }
                }
            }
        } else if (platform.equals(Platform.JD)) {
            {
                JsonNode env = root.has("jd_union_open_order_row_query_responce")
                        ? root.get("jd_union_open_order_row_query_responce") : root.get("jd_union_open_order_row_query_response");
                JsonNode inner = JSON.readTree(env.get("queryResult").asString());
                for (JsonNode r : inner.path("data")) {
                    out.add(r.get("id").asString() + "@" + BusinessTime.parseLocal(r.get("modifyTime").asString()).getEpochSecond());
                }
            }
        } else {
            {
                for (JsonNode r : root.path("order_list_get_response").path("order_list")) {
                    out.add(r.get("order_sn").asString() + "@" + r.get("order_modify_at").asLong());
                }
            }
        }
        return out;
    }
}
