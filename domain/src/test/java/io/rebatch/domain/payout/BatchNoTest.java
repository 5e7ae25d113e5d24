package io.rebatch.domain.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.domain.BadInputException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchNoTest {
    private static final LocalDate D = LocalDate.of(2026, 11, 26);

    @Test
    void formatAndParseRoundTrip() {
        BatchNo b = new BatchNo(D, 1);
        assertThat(b.format()).isEqualTo("B20261126001");
        assertThat(b.toString()).isEqualTo("B20261126001");
        assertThat(BatchNo.parse("B20261126001")).isEqualTo(b);
        assertThat(BatchNo.parse("B20261126999")).isEqualTo(new BatchNo(D, 999));
        assertThat(BatchNo.parse("B20240229042").format()).isEqualTo("B20240229042");
    }

    @Test
    void nextSequence() {
        assertThat(BatchNo.first(D).next().format()).isEqualTo("B20261126002");
        assertThat(new BatchNo(D, 41).next().format()).isEqualTo("B20261126042");
        assertThat(BatchNo.nextFor(D, null)).isEqualTo(BatchNo.first(D));
        assertThat(BatchNo.nextFor(D, BatchNo.parse("B20261126007")).format()).isEqualTo("B20261126008");
        assertThatThrownBy(() -> BatchNo.nextFor(D, BatchNo.parse("B20261125007")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BatchNo(D, 999).next())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at most 999 batches a day");
    }

    @Test
    void orderedByDateThenSequence() {
        assertThat(BatchNo.parse("B20261126002")).isGreaterThan(BatchNo.parse("B20261126001"));
        assertThat(BatchNo.parse("B20261127001")).isGreaterThan(BatchNo.parse("B20261126999"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "B2026112600", "B202611260001", "b20261126001", "X20261126001", " B20261126001",
            "B20261126001 ", "B20261126000", "B20261131001", "B20230229001", "B2026-11-26001", "B２0261126001"})
    void badFormsAreRefused(String text) {
        assertThatThrownBy(() -> BatchNo.parse(text)).isInstanceOf(BadInputException.class);
    }

    @Test
    void badValuesAreRefused() {
        assertThatThrownBy(() -> BatchNo.parse(null)).hasMessage("batch number is missing");
        assertThatThrownBy(() -> BatchNo.parse("B20261131001")).hasMessage("bad batch number 'B20261131001': 20261131 is not a date");
        assertThatThrownBy(() -> new BatchNo(D, 0)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> new BatchNo(D, 1000)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> new BatchNo(LocalDate.of(10000, 1, 1), 1)).isInstanceOf(BadInputException.class);
    }
}
