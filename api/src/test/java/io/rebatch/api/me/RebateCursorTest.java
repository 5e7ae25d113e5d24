package io.rebatch.api.me;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.api.problem.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RebateCursorTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private final RebateCursor cursors = new RebateCursor(SECRET);
    private final RebateCursor.Position position = new RebateCursor.Position(
            Instant.parse("2026-10-12T02:03:04.567Z"), "TAOBAO", "2026101200001|x", "INVITER");

    @Test
    void roundTripsThePositionForTheSameUserAndFilter() {
        String c = cursors.encode(42, "PENDING", position);
        assertThat(cursors.decode(c, 42, "PENDING")).isEqualTo(position);
        String unfiltered = cursors.encode(42, null, position);
        assertThat(cursors.decode(unfiltered, 42, null)).isEqualTo(position);
    }

    @Test
    void refusesACursorOfAnotherUserOrFilter() {
        String c = cursors.encode(42, "PENDING", position);
        assertInvalid(() -> cursors.decode(c, 43, "PENDING"));
        assertInvalid(() -> cursors.decode(c, 42, null));
        assertInvalid(() -> cursors.decode(c, 42, "AVAILABLE"));
    }

    @Test
    void refusesEveryAlteredByteAndAForeignKey() {
        String c = cursors.encode(42, null, position);
        for (int i = 0; i < c.length(); i++) {
            char[] chars = c.toCharArray();
            chars[i] = chars[i] == 'A' ? 'B' : 'A';
            String altered = new String(chars);
            if (!altered.equals(c)) {
                assertInvalid(() -> cursors.decode(altered, 42, null));
            }
        }
        String foreign = new RebateCursor("another secret of at least 32 bytes!!".getBytes(StandardCharsets.UTF_8))
                .encode(42, null, position);
        assertInvalid(() -> cursors.decode(foreign, 42, null));
    }

    @Test
    void refusesAPayloadRewrittenToAnotherUserWithTheOldMac() {
        String c = cursors.encode(42, null, position);
        String payload = new String(Base64.getUrlDecoder().decode(c.substring(0, c.indexOf('.'))),
                StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("|42|", "|43|").getBytes(StandardCharsets.UTF_8)) + c.substring(c.indexOf('.'));
        assertInvalid(() -> cursors.decode(forged, 43, null));
    }

    @Test
    void refusesGarbage() {
        for (String junk : new String[] {"", ".", "abc", "a.b", "%%%.%%%", "x".repeat(5000)}) {
            assertInvalid(() -> cursors.decode(junk, 42, null));
        }
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.reason()).isEqualTo("INVALID_CURSOR"));
    }
}
