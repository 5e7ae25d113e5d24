package io.rebatch.readers.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.Level;
import io.rebatch.domain.Platform;
import io.rebatch.domain.RuleSet;
import io.rebatch.domain.RuleSets;
import io.rebatch.readers.report.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule set files: the scenario's two sets, and the ways a file can be wrong. */
class RuleSetFilesTest {
    @TempDir
    Path config;

    static final String NOVEMBER = """
            version: "2026-11"
            effective_from: 2026-11-01
            level_share_bps: {NORMAL: 5500, VIP: 7000, SVIP: 8200}
            inviter_share_bps: 1000
            grand_inviter_share_bps: 500
            platform_fee_bps: {TAOBAO: 0, JD: 0, PDD: 200}
            freeze_days: 5
            click_window_hours: 48
            monthly_tiers:
              - {min_fen: 15000, bonus_bps: 300}
              - {min_fen: 80000, bonus_bps: 600}
            min_withdraw_fen: 100
            max_withdraw_fen_per_day: 500000
            """;

    private Path rules(String name, String yaml) throws IOException {
        Path dir = Files.createDirectories(config.resolve("rules"));
        return Files.writeString(dir.resolve(name), yaml, StandardCharsets.UTF_8);
    }

    @Test
    void scenarioRuleSets() {
        RuleSets sets = RuleSetFiles.load(Fixtures.sample("config"));
        assertThat(sets.all()).extracting(RuleSet::version).containsExactly("2026-01", "2026-11");
        RuleSet nov = sets.inForceOn(LocalDate.of(2026, 11, 1));
        assertThat(nov.effectiveFrom()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(nov.levelShareBps(Level.SVIP)).isEqualTo(8200);
        assertThat(nov.platformFeeBps(Platform.PDD)).isEqualTo(200);
        assertThat(nov.freezeDays()).isEqualTo(5);
        assertThat(nov.monthlyTiers()).containsExactly(new RuleSet.Tier(15000, 300), new RuleSet.Tier(80000, 600));
        assertThat(sets.inForceOn(LocalDate.of(2026, 10, 31)).version()).isEqualTo("2026-01");
    }

    @Test
    void dateIsReadAsTheWrittenDateWhateverTheJvmZone() throws IOException {
        // the JVM runs in America/Los_Angeles: a Date at UTC midnight would print as 2026-10-31 there
        rules("2026-11.yml", NOVEMBER);
        RuleSets sets = RuleSetFiles.load(config);
        assertThat(sets.all().get(0).effectiveFrom()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(sets.all().get(0).version()).isEqualTo("2026-11");
        // an unquoted version label is text as well
        rules("2026-12.yml", NOVEMBER.replace("version: \"2026-11\"", "version: 2026-12-01")
                .replace("effective_from: 2026-11-01", "effective_from: 2026-12-01"));
        assertThat(RuleSetFiles.load(config).all()).extracting(RuleSet::version).containsExactly("2026-11", "2026-12-01");
    }

    @Test
    void missingRulesDirectory() {
        assertThatThrownBy(() -> RuleSetFiles.load(config)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("rules directory " + config.resolve("rules") + " does not exist");
    }

    @Test
    void emptyRulesDirectory() throws IOException {
        rules("README.txt", "not a rule set");
        assertThatThrownBy(() -> RuleSetFiles.load(config)).isInstanceOf(BadInputException.class)
                .hasMessage("rules directory " + config.resolve("rules") + " holds no rule set (*.yml)");
    }

    @Test
    void yamlSyntaxErrorNamesTheFile() throws IOException {
        rules("2026-11.yml", NOVEMBER);
        rules("broken.yml", NOVEMBER.replace("level_share_bps: {NORMAL: 5500,", "level_share_bps: {NORMAL: [5500,"));
        assertThatThrownBy(() -> RuleSetFiles.load(config)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("broken.yml: not valid YAML: ");
    }

    @Test
    void contentErrorsComeFromTheDomainWithTheFileName() throws IOException {
        Path f = rules("bad.yml", NOVEMBER.replace("inviter_share_bps: 1000", "inviter_share_bps: 2000"));
        assertThatThrownBy(() -> RuleSetFiles.loadFile(f)).isInstanceOf(BadInputException.class)
                .hasMessage("bad.yml: level SVIP share 8200 + inviter 2000 + grand-inviter 500 exceeds 10000 bp");
        Path t = rules("time.yml", NOVEMBER.replace("effective_from: 2026-11-01", "effective_from: 2026-11-01 08:00:00"));
        assertThatThrownBy(() -> RuleSetFiles.loadFile(t)).isInstanceOf(BadInputException.class)
                .hasMessage("time.yml: effective_from '2026-11-01 08:00:00' is not a date yyyy-MM-dd");
        Path dup = rules("dup.yml", NOVEMBER + "freeze_days: 9\n");
        assertThatThrownBy(() -> RuleSetFiles.loadFile(dup)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("dup.yml: not valid YAML: ").hasMessageContaining("freeze_days");
        Path list = rules("list.yml", "- 1\n- 2\n");
        assertThatThrownBy(() -> RuleSetFiles.loadFile(list)).isInstanceOf(BadInputException.class)
                .hasMessage("list.yml: expected a YAML mapping of rule keys, found ArrayList");
        Path empty = rules("empty.yml", "");
        assertThatThrownBy(() -> RuleSetFiles.loadFile(empty)).isInstanceOf(BadInputException.class)
                .hasMessage("empty.yml: empty rule set");
    }

    @Test
    void twoSetsWithTheSameStartDate() throws IOException {
        rules("a.yml", NOVEMBER);
        rules("b.yaml", NOVEMBER.replace("version: \"2026-11\"", "version: \"2026-11b\""));
        assertThatThrownBy(() -> RuleSetFiles.load(config)).isInstanceOf(BadInputException.class)
                .hasMessage(config.resolve("rules") + ": rule sets '2026-11' and '2026-11b' share effective_from 2026-11-01");
        assertThat(List.of(config.resolve("rules").toFile().list())).hasSize(2);
    }
}
