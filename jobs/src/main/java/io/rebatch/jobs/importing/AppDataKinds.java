package io.rebatch.jobs.importing;

import io.rebatch.domain.Attribution;
import io.rebatch.readers.appdata.AppDataCursor;
import io.rebatch.readers.appdata.AppDataRow;
import io.rebatch.readers.appdata.BindingRow;
import io.rebatch.readers.appdata.BindingsCsv;
import io.rebatch.readers.appdata.ClicksCsv;
import io.rebatch.readers.appdata.UserRow;
import io.rebatch.readers.appdata.UsersCsv;
import io.rebatch.writers.appdata.AppDataStore;
import io.rebatch.writers.quarantine.QuarantineStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The app's data files (SPEC 2.2) as import kinds: USERS, BINDINGS, CLICKS, upserted by id.
 *
 * <p>Checks after parsing: {@code registered_at} and {@code clicked_at} must be plausible ({@link PlausibleDates});
 * a users file's rows must not close an inviter cycle ({@link InviterCycles}, checked over the whole file against
 * the stored users). A row refused by either is quarantined like a parser rejection; its raw text is then the
 * parsed record written back as CSV (the reader keeps no raw text of a good record).
 */
public class AppDataKinds {
    /** Stored users fetched per query when following inviter chains out of a users file. */
    static final int INVITER_BATCH = 1000;

    private final AppDataStore store;

    public AppDataKinds(AppDataStore store) {
        this.store = store;
    }

    public List<ImportKind<?, ?>> all() {
        return List.of(
                new Kind<UserRow>("USERS", "USER", "a users file (" + String.join(",", UsersCsv.COLUMNS) + ")",
                        UsersCsv::open, rows -> store.upsertUsers(map(rows,
                        u -> new AppDataStore.User(u.userId(), u.level(), u.inviterId(), u.registeredAt()))),
                        (u, dates) -> dates.check("registered_at", u.registeredAt()),
                        u -> u.userId() + "," + u.level() + "," + (u.inviterId() == null ? "" : u.inviterId()) + ","
                                + u.registeredAt(),
                        UserCycleCheck::new),
                new Kind<BindingRow>("BINDINGS", "BINDING", "a bindings file (platform,kind,value,user_id)",
                        BindingsCsv::open, rows -> store.upsertBindings(map(rows,
                        b -> new AppDataStore.Binding(b.platform(), b.kind().name(), b.value(), b.userId()))),
                        (b, dates) -> null, Object::toString, null),
                new Kind<Attribution.Click>("CLICKS", "CLICK",
                        "a clicks file (click_id,user_id,platform,item_id,pid,clicked_at)", ClicksCsv::open,
                        rows -> store.upsertClicks(map(rows, c -> new AppDataStore.Click(c.clickId(), c.userId(),
                                c.platform(), c.itemId(), c.pid(), c.clickedAt()))),
                        (c, dates) -> dates.check("clicked_at", c.clickedAt()),
                        c -> c.clickId() + "," + c.userId() + "," + c.platform() + "," + c.itemId() + "," + c.pid()
                                + "," + c.clickedAt(),
                        null));
    }

    private static <T, R> List<R> map(List<T> rows, Function<T, R> f) {
        List<R> out = new ArrayList<>(rows.size());
        for (T t : rows) {
            out.add(f.apply(t));
        }
        return out;
    }

    /** Collects a users file's inviter edges during the scan and refuses the members of inviter cycles. */
    private final class UserCycleCheck implements ImportKind.FileCheck<AppDataRow<UserRow>> {
        private final InviterCycles cycles = new InviterCycles(INVITER_BATCH);

        @Override
        public void add(AppDataRow<UserRow> row) {
            if (row instanceof AppDataRow.Loaded<UserRow> l) {
                cycles.add(l.value().userId(), l.value().inviterId());
            }
        }

        @Override
        public ImportKind.RowVerdict<AppDataRow<UserRow>> finish() {
            if (cycles.isEmpty()) {
                return null;
            }
            Map<Long, String> refused = cycles.find(store::inviters);
            if (refused.isEmpty()) {
                return null;
            }
            return (importKey, rowNo, row) -> {
                if (row instanceof AppDataRow.Loaded<UserRow> l && refused.containsKey(l.value().userId())) {
                    UserRow u = l.value();
                    return new QuarantineStore.Entry(importKey, rowNo, "USER", null, l.source(), l.lineNo(),
                            u.userId() + "," + u.level() + "," + (u.inviterId() == null ? "" : u.inviterId()) + ","
                                    + u.registeredAt(),
                            "user " + u.userId() + ": " + refused.get(u.userId()));
                }
                return null;
            };
        }
    }

    private static final class Kind<T> implements ImportKind<AppDataRow<T>, T> {
        private final String name;
        private final String rowKind;
        private final String what;
        private final Function<Path, AppDataCursor<T>> opener;
        private final Consumer<List<T>> storer;
        private final BiFunction<T, PlausibleDates, String> dateCheck;
        private final Function<T, String> asCsv;
        private final Supplier<FileCheck<AppDataRow<T>>> fileCheck;

        Kind(String name, String rowKind, String what, Function<Path, AppDataCursor<T>> opener,
             Consumer<List<T>> storer, BiFunction<T, PlausibleDates, String> dateCheck, Function<T, String> asCsv,
             Supplier<FileCheck<AppDataRow<T>>> fileCheck) {
            this.name = name;
            this.rowKind = rowKind;
            this.what = what;
            this.opener = opener;
            this.storer = storer;
            this.dateCheck = dateCheck;
            this.asCsv = asCsv;
            this.fileCheck = fileCheck;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String platform() {
            return null;
        }

        @Override
        public String what() {
            return what;
        }

        @Override
        public Cursor<AppDataRow<T>> open(Path file) {
            AppDataCursor<T> cursor = opener.apply(file);
            return new Cursor<>() {
                @Override
                public boolean hasNext() {
                    return cursor.hasNext();
                }

                @Override
                public AppDataRow<T> next() {
                    return cursor.next();
                }

                @Override
                public void close() {
                    cursor.close();
                }
            };
        }

        @Override
        public QuarantineStore.Entry rejected(String importKey, long rowNo, AppDataRow<T> row, PlausibleDates dates) {
            if (row instanceof AppDataRow.Rejected<T> r) {
                return new QuarantineStore.Entry(importKey, rowNo, rowKind, null, r.source(), r.lineNo(), r.raw(),
                        r.reason());
            }
            AppDataRow.Loaded<T> l = (AppDataRow.Loaded<T>) row;
            String reason = dateCheck.apply(l.value(), dates);
            return reason == null ? null : new QuarantineStore.Entry(importKey, rowNo, rowKind, null, l.source(),
                    l.lineNo(), asCsv.apply(l.value()), reason);
        }

        @Override
        public FileCheck<AppDataRow<T>> newFileCheck() {
            return fileCheck == null ? null : fileCheck.get();
        }

        @Override
        public boolean skipped(AppDataRow<T> row) {
            return false;
        }

        @Override
        public T stored(AppDataRow<T> row) {
            return ((AppDataRow.Loaded<T>) row).value();
        }

        /** Every row is counted {@code changed}: the upsert does not tell new ids from known ones. */
        @Override
        public void store(List<T> values, ImportCounters counters) {
            storer.accept(values);
            counters.changed += values.size();
        }
    }
}
