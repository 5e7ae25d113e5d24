package io.rebatch.jobs.importing;

import io.rebatch.readers.appdata.AppDataFiles;
import io.rebatch.readers.appdata.AppDataRow;
import io.rebatch.writers.appdata.AppDataStore;
import io.rebatch.writers.quarantine.QuarantineStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The app's data files (SPEC 2.2) as import kinds: USERS, BINDINGS, CLICKS, upserted by id. */
public class AppDataKinds {
    private final AppDataStore store;

    public AppDataKinds(AppDataStore store) {
        this.store = store;
    }

    public List<ImportKind<?>> all() {
        return List.of(new Kind("USERS"), new Kind("BINDINGS"), new Kind("CLICKS"));
    }

    private final class Kind implements ImportKind<AppDataRow> {
        private final String name;

        Kind(String name) {
            this.name = name;
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
        public Cursor<AppDataRow> open(Path file) {
            var cursor = switch (name) {
                case "USERS" -> AppDataFiles.users(file);
                case "BINDINGS" -> AppDataFiles.bindings(file);
                default -> AppDataFiles.clicks(file);
            };
            return new Cursor<>() {
                @Override
                public boolean hasNext() {
                    return cursor.hasNext();
                }

                @Override
                public AppDataRow next() {
                    return cursor.next();
                }

                @Override
                public void close() {
                    cursor.close();
                }
            };
        }

        @Override
        public QuarantineStore.Entry rejected(String importKey, long rowNo, AppDataRow row) {
            if (row instanceof AppDataRow.Rejected r) {
                return new QuarantineStore.Entry(importKey, rowNo, name.substring(0, name.length() - 1), null,
                        r.source(), r.lineNo(), r.raw(), r.reason());
            }
            return null;
        }

        @Override
        public boolean skipped(AppDataRow row) {
            return false;
        }

        @Override
        public void store(List<AppDataRow> rows, ImportCounters counters) {
            List<AppDataStore.User> users = new ArrayList<>();
            List<AppDataStore.Binding> bindings = new ArrayList<>();
            List<AppDataStore.Click> clicks = new ArrayList<>();
            for (AppDataRow row : rows) {
                if (row instanceof AppDataRow.User u) {
                    users.add(new AppDataStore.User(u.userId(), u.level(), u.inviterId(), u.registeredAt()));
                } else if (row instanceof AppDataRow.Binding b) {
                    bindings.add(new AppDataStore.Binding(b.platform(), b.kind(), b.value(), b.userId()));
                } else if (row instanceof AppDataRow.Click c) {
                    clicks.add(new AppDataStore.Click(c.clickId(), c.userId(), c.platform(), c.itemId(), c.pid(),
                            c.clickedAt()));
                }
            }
            store.upsertUsers(users);
            store.upsertBindings(bindings);
            store.upsertClicks(clicks);
            counters.changed += rows.size();
        }
    }
}
