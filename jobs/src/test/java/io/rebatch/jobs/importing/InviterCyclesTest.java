package io.rebatch.jobs.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InviterCyclesTest {
    /** Stored users as user → inviter (0 none), recording each batch asked for. */
    static final class Stored implements InviterCycles.StoredInviters {
        final Map<Long, Long> users = new HashMap<>();
        final List<Collection<Long>> asked = new ArrayList<>();

        Stored user(long id, long inviter) {
            users.put(id, inviter);
            return this;
        }

        @Override
        public Map<Long, Long> of(Collection<Long> ids) {
            asked.add(List.copyOf(ids));
            Map<Long, Long> out = new HashMap<>();
            for (Long id : ids) {
                if (users.containsKey(id)) {
                    out.put(id, users.get(id));
                }
            }
            return out;
        }
    }

    @Test
    void aTwoCycleInTheFileRefusesBothMembersButNotAUserLeadingIntoIt() {
        InviterCycles c = new InviterCycles(100);
        c.add(2, 3L);
        c.add(3, 2L);
        c.add(4, 2L);
        c.add(1, null);
        Map<Long, String> refused = c.find(new Stored());
        assertThat(refused).containsOnlyKeys(2L, 3L);
        assertThat(refused.get(2L)).isEqualTo("inviter cycle 2 → 3 → 2");
        assertThat(refused.get(3L)).isEqualTo("inviter cycle 2 → 3 → 2");
    }

    @Test
    void aLongerCycleIsNamedFromItsSmallestId() {
        InviterCycles c = new InviterCycles(100);
        c.add(7, 5L);
        c.add(5, 9L);
        c.add(9, 7L);
        assertThat(c.find(new Stored())).containsOnlyKeys(5L, 7L, 9L).containsValue("inviter cycle 5 → 9 → 7 → 5");
    }

    @Test
    void aCycleThroughStoredUsersRefusesTheFileRowThatClosesIt() {
        Stored stored = new Stored().user(2, 0).user(3, 2).user(5, 3);
        InviterCycles c = new InviterCycles(100);
        c.add(2, 5L); // 2 → 5 → 3 → 2 with the stored rows of 5 and 3
        c.add(100, null);
        assertThat(c.find(stored)).containsExactly(Map.entry(2L, "inviter cycle 2 → 5 → 3 → 2"));
    }

    @Test
    void aFileRowThatReplacesAStoredEdgeBreaksTheOldChain() {
        // Stored 3 → 2; the file moves 3 under 1, and makes 2 invited by 3: no cycle (3 → 1).
        Stored stored = new Stored().user(1, 0).user(2, 0).user(3, 2);
        InviterCycles c = new InviterCycles(100);
        c.add(3, 1L);
        c.add(2, 3L);
        assertThat(c.find(stored)).isEmpty();
    }

    @Test
    void refusingMembersRevertsToTheirStoredRowsWhichCanCloseAnotherCycle() {
        // Stored 2 → 4. The file: 2 → 3, 3 → 2 (a cycle: both refused), and 4 → 2, which with the stored 2 → 4
        // that remains is a cycle of its own once 2 is refused.
        Stored stored = new Stored().user(2, 4).user(4, 0);
        InviterCycles c = new InviterCycles(100);
        c.add(2, 3L);
        c.add(3, 2L);
        c.add(4, 2L);
        Map<Long, String> refused = c.find(stored);
        assertThat(refused).containsOnlyKeys(2L, 3L, 4L);
        assertThat(refused.get(4L)).isEqualTo("inviter cycle 2 → 4 → 2");
    }

    @Test
    void theLastRowOfAUserWins() {
        InviterCycles c = new InviterCycles(100);
        c.add(2, 3L);
        c.add(3, 2L);
        c.add(2, null);
        assertThat(c.find(new Stored())).isEmpty();
    }

    @Test
    void storedEdgesAreFetchedInBatchesAndOnlyWhereTheChainsLeaveTheFile() {
        Stored stored = new Stored();
        for (long u = 1; u <= 10; u++) {
            stored.user(u, u - 1); // 10 → 9 → … → 1
        }
        InviterCycles c = new InviterCycles(3);
        for (long u = 100; u < 110; u++) {
            c.add(u, u - 95); // 100 → 5, …, 109 → 14 (unknown from 11 up)
        }
        c.add(200, 201L);
        c.add(201, null);
        assertThat(c.find(stored)).isEmpty();
        assertThat(stored.asked).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(3));
        assertThat(stored.asked.stream().flatMap(Collection::stream)).doesNotHaveDuplicates()
                .doesNotContain(200L, 201L, 100L).contains(5L, 14L, 1L);
    }

    @Test
    void aCycleOnlyAmongStoredUsersRefusesNothingOfTheFile() {
        Stored stored = new Stored().user(2, 3).user(3, 2);
        InviterCycles c = new InviterCycles(100);
        c.add(4, 2L);
        assertThat(c.find(stored)).isEmpty();
    }

    @Test
    void aVeryLongCycleIsNamedShortened() {
        InviterCycles c = new InviterCycles(100);
        for (long u = 1; u <= 50; u++) {
            c.add(u, u == 50 ? 1 : u + 1);
        }
        String reason = c.find(new Stored()).get(1L);
        assertThat(reason).startsWith("inviter cycle 1 → 2 → ").contains("(50 users)").endsWith("→ 1");
        assertThat(reason.length()).isLessThan(120);
    }
}
