package io.rebatch.domain;

import static io.rebatch.domain.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OrderLineTest {

    @Test
    void settledIncomeIsDroppedUnlessSettled() {
        Fixtures.LineBuilder b = Fixtures.line().settled(1500, sh("2026-11-10 12:00:00"));
        assertThat(b.build().settledIncomeFen()).isEqualTo(1500L);
        b.status = LineStatus.INVALID;
        assertThat(b.build().settledIncomeFen()).isNull();
    }

    @Test
    void settledLineNeedsSettlementTimeAndIncome() {
        Fixtures.LineBuilder noTime = Fixtures.line().settled(1500, null);
        assertThatThrownBy(noTime::build)
                .isInstanceOf(BadInputException.class)
                .hasMessage("settled order line 123 has no settlement time");
        Fixtures.LineBuilder noIncome = Fixtures.line().settled(1500, sh("2026-11-10 12:00:00"));
        noIncome.settledIncomeFen = null;
        assertThatThrownBy(noIncome::build)
                .isInstanceOf(BadInputException.class)
                .hasMessage("settled order line 123 has no settled income");
    }

    @Test
    void idsTimesAndAmountsAreChecked() {
        assertThatThrownBy(() -> Fixtures.line().id(" ").build())
                .isInstanceOf(BadInputException.class).hasMessage("order line id is missing");
        assertThatThrownBy(() -> Fixtures.line().id("9".repeat(65)).build())
                .isInstanceOf(BadInputException.class).hasMessageContaining("is longer than 64 characters");
        assertThat(Fixtures.line().id("9".repeat(64)).build().orderLineId()).hasSize(64);
        assertThatThrownBy(() -> Fixtures.line().created(null).build())
                .isInstanceOf(BadInputException.class).hasMessage("order line 123 has no creation time");
        assertThatThrownBy(() -> Fixtures.line().paid(null).build())
                .isInstanceOf(BadInputException.class).hasMessage("order line 123 has no payment time");
        assertThatThrownBy(() -> Fixtures.line().modified(null).build())
                .isInstanceOf(BadInputException.class).hasMessage("order line 123 has no modification time");
        assertThatThrownBy(() -> Fixtures.line().estimate(-1).build())
                .isInstanceOf(BadInputException.class).hasMessage("order line 123 has negative estimated income -1");
        assertThatThrownBy(() -> Fixtures.line().settled(-1, sh("2026-11-10 12:00:00")).build())
                .isInstanceOf(BadInputException.class).hasMessage("order line 123 has negative settled income -1");
    }
}
