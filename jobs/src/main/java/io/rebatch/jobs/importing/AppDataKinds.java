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
import java.util.function.Consumer;
import java.util.function.Function;

/** The app's data files (SPEC 2.2) as import kinds: USERS, BINDINGS, CLICKS, upserted by id. */
public class AppDataKinds {
    private final AppDataStore store;

    public AppDataKinds(AppDataStore store) {
        this.store = store;
    }

    public List<ImportKind<?>> all() {
        return List.of(
                new Kind<UserRow>("USERS", "USER", UsersCsv::open, rows -> store.upsertUsers(map(rows,
                        u -> new AppDataStore.User(u.userId(), u.level(), u.inviterId(), u.registeredAt())))),
                new Kind<BindingRow>("BINDINGS", "BINDING", BindingsCsv::open, rows -> store.upsertBindings(map(rows,
                        b -> new AppDataStore.Binding(b.platform(), b.kind().name(), b.value(), b.userId())))),
                new Kind<Attribution.Click>("CLICKS", "CLICK", ClicksCsv::open, rows -> store.upsertClicks(map(rows,
                        c -> new AppDataStore.Click(c.clickId(), c.userId(), c.platform(), c.itemId(), c.pid(),
                                c.clickedAt())))));
    }

    private static <T, R> List<R> map(List<T> rows, Function<T, R> f) {
        List<R> out = new ArrayList<>(rows.size());
        for (T t : rows) {
            out.add(f.apply(t));
        }
        return out;
    }

    private static final class Kind<T> implements ImportKind<AppDataRow<T>> {
        private final String name;
        private final String rowKind;
        private final Function<Path, AppDataCursor<T>> opener;
        private final Consumer<List<T>> storer;

        Kind(String name, String rowKind, Function<Path, AppDataCursor<T>> opener, Consumer<List<T>> storer) {
            this.name = name;
            this.rowKind = rowKind;
            this.opener = opener;
            this.storer = storer;
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
        public QuarantineStore.Entry rejected(String importKey, long rowNo, AppDataRow<T> row) {
            if (row instanceof AppDataRow.Rejected<T> r) {
                return new QuarantineStore.Entry(importKey, rowNo, rowKind, null, r.source(), r.lineNo(), r.raw(),
                        r.reason());
            }
            return null;
        }

        @Override
        public boolean skipped(AppDataRow<T> row) {
            return false;
        }

        @Override
        public void store(List<AppDataRow<T>> rows, ImportCounters counters) {
            List<T> values = new ArrayList<>(rows.size());
            for (AppDataRow<T> row : rows) {
                if (row instanceof AppDataRow.Loaded<T> l) {
                    values.add(l.value());
                }
            }
            storer.accept(values);
            counters.changed += values.size();
        }
    }
}
