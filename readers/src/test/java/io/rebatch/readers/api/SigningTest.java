package io.rebatch.readers.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Known vectors for platforms.md §4: the string to sign is written out by hand, and the expected hex was computed
 * outside this code base (Python hashlib/hmac) and is re-derived here with the JDK's MessageDigest/Mac over the
 * literal string, never with {@link Signing}.
 */
class SigningTest {

    private static Map<String, String> topParams(String signMethod) {
        Map<String, String> p = new LinkedHashMap<>(); // deliberately unsorted
        p.put("timestamp", "2026-11-25 10:00:00");
        p.put("method", "taobao.tbk.order.details.get");
        p.put("v", "2.0");
        p.put("app_key", "12345678");
        p.put("format", "json");
        p.put("sign_method", signMethod);
        p.put("query_type", "4");
        p.put("start_time", "2026-11-24 00:00:00");
        p.put("end_time", "2026-11-24 03:00:00");
        p.put("page_size", "100");
        p.put("page_no", "1");
        p.put("jump_type", "1");
        p.put("position_index", "");          // empty: left out
        p.put("sign", "OLD-SIGNATURE");        // never signed
        return p;
    }

    private static String topStringToSign(String signMethod) {
        return "app_key12345678"
                + "end_time2026-11-24 03:00:00"
                + "formatjson"
                + "jump_type1"
                + "methodtaobao.tbk.order.details.get"
                + "page_no1"
                + "page_size100"
                + "query_type4"
                + "sign_method" + signMethod
                + "start_time2026-11-24 00:00:00"
                + "timestamp2026-11-25 10:00:00"
                + "v2.0";
    }

    @Test
    void topMd5() throws Exception {
        String s = topStringToSign("md5");
        assertThat(Signing.stringToSign(topParams("md5"))).isEqualTo(s);
        String expected = "E952F821930280D283271E7FEE216A25";
        assertThat(md5("helloworld" + s + "helloworld")).isEqualTo(expected);
        assertThat(Signing.top(topParams("md5"), Secret.of("helloworld"), TopSignMethod.MD5)).isEqualTo(expected);
    }

    @Test
    void topHmacMd5() throws Exception {
        String s = topStringToSign("hmac");
        String expected = "F61C43600A39D022786306C4EEFE48ED";
        assertThat(hmac("HmacMD5", "helloworld", s)).isEqualTo(expected);
        assertThat(Signing.top(topParams("hmac"), Secret.of("helloworld"), TopSignMethod.HMAC)).isEqualTo(expected);
    }

    @Test
    void topHmacSha256() throws Exception {
        String s = topStringToSign("hmac-sha256");
        String expected = "01026C0C92DCA5A14ECDE5D43C8E664E90F360BDF11F739CAA103D04C6EA700D";
        assertThat(hmac("HmacSHA256", "helloworld", s)).isEqualTo(expected);
        assertThat(Signing.top(topParams("hmac-sha256"), Secret.of("helloworld"), TopSignMethod.HMAC_SHA256))
                .isEqualTo(expected);
    }

    @Test
    void jdMd5OverTheExactParamJson() throws Exception {
        String json = "{\"orderReq\":{\"pageIndex\":1,\"pageSize\":500,\"type\":3,"
                + "\"startTime\":\"2026-11-24 00:00:00\",\"endTime\":\"2026-11-24 01:00:00\"}}";
        Map<String, String> p = new LinkedHashMap<>();
        p.put("method", "jd.union.open.order.row.query");
        p.put("app_key", "jdkey");
        p.put("timestamp", "2026-11-25 10:00:00");
        p.put("format", "json");
        p.put("v", "1.0");
        p.put("sign_method", "md5");
        p.put("360buy_param_json", json);
        // digits sort before letters: 360buy_param_json comes first
        String s = "360buy_param_json" + json
                + "app_keyjdkey"
                + "formatjson"
                + "methodjd.union.open.order.row.query"
                + "sign_methodmd5"
                + "timestamp2026-11-25 10:00:00"
                + "v1.0";
        assertThat(Signing.stringToSign(p)).isEqualTo(s);
        String expected = "E789F15DB822792FF68503B0A4DFAFED";
        assertThat(md5("jdsecret" + s + "jdsecret")).isEqualTo(expected);
        assertThat(Signing.md5Wrapped(p, Secret.of("jdsecret"))).isEqualTo(expected);
    }

    @Test
    void pddMd5() throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("type", "pdd.ddk.order.list.increment.get");
        p.put("client_id", "pddclient");
        p.put("timestamp", "1795572000");
        p.put("data_type", "JSON");
        p.put("version", "V1");
        p.put("start_update_time", "1795363200");
        p.put("end_update_time", "1795449600");
        p.put("page", "3");
        p.put("page_size", "100");
        p.put("return_count", "true");
        String s = "client_idpddclient"
                + "data_typeJSON"
                + "end_update_time1795449600"
                + "page3"
                + "page_size100"
                + "return_counttrue"
                + "start_update_time1795363200"
                + "timestamp1795572000"
                + "typepdd.ddk.order.list.increment.get"
                + "versionV1";
        assertThat(Signing.stringToSign(p)).isEqualTo(s);
        String expected = "9F3BEBD9A762F6433C1058B1F8353998";
        assertThat(md5("pddsecret" + s + "pddsecret")).isEqualTo(expected);
        assertThat(Signing.md5Wrapped(p, Secret.of("pddsecret"))).isEqualTo(expected);
    }

    @Test
    void utf8BytesAreSigned() throws Exception {
        Map<String, String> p = Map.of("method", "x.y", "q", "测试");
        String s = "methodx.yq测试";
        assertThat(Signing.stringToSign(p)).isEqualTo(s);
        assertThat(md5("密钥" + s + "密钥")).isEqualTo("F5BFCA32A7FEE61D65A35DB2155B41A7");
        assertThat(Signing.md5Wrapped(p, Secret.of("密钥"))).isEqualTo("F5BFCA32A7FEE61D65A35DB2155B41A7");
    }

    @Test
    void secretPrintsMasked() {
        assertThat(Secret.of("helloworld")).hasToString("******");
        assertThat(Secret.of(null)).hasToString("(none)");
        assertThat(TopSignMethod.parse("HMAC_SHA256")).isEqualTo(TopSignMethod.HMAC_SHA256);
        assertThat(TopSignMethod.parse("hmac-sha256")).isEqualTo(TopSignMethod.HMAC_SHA256);
    }

    static String md5(String text) throws Exception {
        return HexFormat.of().withUpperCase().formatHex(
                MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String hmac(String algorithm, String key, String text) throws Exception {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
        return HexFormat.of().withUpperCase().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
