package io.rebatch.readers.api;

import io.rebatch.readers.pdd.PddSettingsBuilder;
import io.rebatch.readers.jd.JdSettingsBuilder;
import io.rebatch.readers.taobao.TaobaoSettingsBuilder;
import io.rebatch.domain.Platform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rebatch.domain.BusinessTime;
import io.rebatch.readers.jd.JdOrderPull;
import io.rebatch.readers.jd.JdSettings;
import io.rebatch.readers.pdd.PddOrderPull;
import io.rebatch.readers.pdd.PddSettings;
import io.rebatch.readers.taobao.TaobaoOrderPull;
import io.rebatch.readers.taobao.TaobaoRefundPull;
import io.rebatch.readers.taobao.TaobaoSettings;
import io.rebatch.sandbox.generator.ScenarioGenerator;
import io.rebatch.sandbox.generator.ScenarioSpec;
import io.rebatch.sandbox.server.SandboxServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Full pulls of every feed with secrets set, throttling and 5xx injected and DEBUG logging on, then pulls with wrong
 * secrets (which fail): no secret, right or wrong, appears in any log event, exception message or stack trace,
 * archived page, or settings/pull {@code toString}.
 */
class SecretsNeverLeakTest {
    static final String TB_SECRET = "TBsecret-7f3a9c1e5b2d";
    static final String JD_SECRET = "JDsecret-a1b2c3d4e5f6";
    static final String PDD_SECRET = "PDDsecret-0a9b8c7d6e5f";
    static final String WRONG_SECRET = "WRONGsecret-5e5e5e5e";
    static final List<String> SECRETS = List.of(TB_SECRET, JD_SECRET, PDD_SECRET, WRONG_SECRET);

    @Test
    void noSecretInLogsExceptionsArchivesOrSettings() {
        LocalDate day = LocalDate.of(2026, 11, 20);
        Instant from = BusinessTime.startOf(day);
        Instant to = BusinessTime.endOf(day);
        ScenarioGenerator g = new ScenarioGenerator(ScenarioSpec.builder().seed(3).orders(3000)
                .from(LocalDate.of(2026, 11, 10)).to(LocalDate.of(2026, 11, 22)).build());
        List<String> archive = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> logLines;
        try (SandboxServer server = SandboxServer.builder().scenario(g).seed(14).throttleRate(0.1).errorRate(0.08)
                .app(Platform.TAOBAO, "tb-key", TB_SECRET).app(Platform.JD, "jd-key", JD_SECRET).app(Platform.PDD, "pdd-client", PDD_SECRET).build().start();
             LogCapture logs = new LogCapture()) {
            FakeTime time = new FakeTime();
            PullRuntime rt = time.runtime().clock(Clock.fixed(Instant.parse("2026-11-21T02:00:00Z"), ZoneOffset.UTC)).build();
            TaobaoSettings tb = TaobaoSettingsBuilder.builder().endpoint(server.url(Platform.TAOBAO)).appKey("tb-key").appSecret(TB_SECRET)
                    .signMethod(TopSignMethod.HMAC).pageSize(20).build();
            JdSettings jd = JdSettingsBuilder.builder().endpoint(server.url(Platform.JD)).appKey("jd-key").appSecret(JD_SECRET).pageSize(20).build();
            PddSettings pdd = PddSettingsBuilder.builder().endpoint(server.url(Platform.PDD)).clientId("pdd-client").clientSecret(PDD_SECRET)
                    .pageSize(20).build();
            List<OrderPull> pulls = List.of(new TaobaoOrderPull(tb, rt), new TaobaoRefundPull(tb, rt),
                    new JdOrderPull(jd, rt), new PddOrderPull(pdd, rt));
            int pages = 0;
            for (OrderPull p : pulls) {
                for (TimeWindow w : p.windows(from, to)) {
                    pages += p.pull(w, (body, page) -> archive.add(body)).pages();
                }
                texts.add(p.toString());
            }
            assertThat(pages).isGreaterThan(50);
            texts.add(tb.toString());
            texts.add(jd.toString());
            texts.add(pdd.toString());

            // wrong secrets: each platform refuses the signature, the pull fails with a message naming the setting
            List<OrderPull> wrong = List.of(
                    new TaobaoOrderPull(TaobaoSettingsBuilder.from(tb).appSecret(WRONG_SECRET).build(), rt),
                    new JdOrderPull(JdSettingsBuilder.from(jd).appSecret(WRONG_SECRET).build(), rt),
                    new PddOrderPull(PddSettingsBuilder.from(pdd).clientSecret(WRONG_SECRET).build(), rt));
            for (OrderPull p : wrong) {
                PullException e = catchThrowableOfType(PullException.class, () -> p.pull(p.windows(from, to).get(0), (b, pg) -> archive.add(b)));
                assertThat(e.kind()).isEqualTo(PullException.Kind.CONFIGURATION);
                assertThat(e.getMessage()).contains("secret");
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                texts.add(trace.toString());
                texts.add(p.toString());
            }
            logLines = logs.lines();
        }
        assertThat(logLines).as("log events were captured").anyMatch(l -> l.contains("api retry"))
                .anyMatch(l -> l.contains("api window done")).anyMatch(l -> l.contains("api page"));
        for (String secret : SECRETS) {
            assertThat(logLines).as("logs").noneMatch(l -> l.contains(secret));
            assertThat(texts).as("exceptions and toString").noneMatch(t -> t.contains(secret));
            assertThat(archive).as("archived pages").noneMatch(b -> b.contains(secret));
        }
    }
}
