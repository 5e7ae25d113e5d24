package io.rebatch.readers.appdata;

import io.rebatch.domain.BindingKind;
import io.rebatch.domain.Platforms;
import io.rebatch.domain.BadInputException;
import io.rebatch.domain.FieldLimits;
import io.rebatch.domain.Platform;
import io.rebatch.readers.report.CsvRecords;
import io.rebatch.readers.report.IdText;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads {@code bindings.csv} (SPEC §2.2): header {@code platform,kind,value,user_id}; kind {@code RELATION_ID} or
 * {@code SPECIAL_ID} for TAOBAO, {@code SUB_UNION_ID} for JD, {@code CUSTOM_PARAMETERS_UID} for PDD (a kind of
 * another platform is rejected); value a non-empty tracking value (a leading tab or {@code '} from a spreadsheet
 * is removed, as for ids in reports); user_id a positive long.
 */
public final class BindingsCsv {
    public static final List<String> COLUMNS = List.of("platform", "kind", "value", "user_id");

    private BindingsCsv() {
    }

    /** @throws BadInputException if the header row is not exactly {@link #COLUMNS}, or the file is UTF-16 */
    public static AppDataCursor<BindingRow> open(Path file) {
        CsvRecords csv = AppDataFields.open(file, COLUMNS);
        int[] at = AppDataFields.positions(csv, COLUMNS);
        return new AppDataCursor<>(csv, v -> parse(v.get(at[0]), v.get(at[1]), v.get(at[2]), v.get(at[3])));
    }

    static BindingRow parse(String platform, String kind, String value, String userId) {
        Platform p = AppDataFields.platform("platform", platform);
        String k = AppDataFields.required("kind", kind);
        BindingKind bk;
        try {
            bk = BindingKind.parse(k);
        } catch (IllegalArgumentException e) {
            List<String> known = Platforms.bindingKinds().stream().map(BindingKind::name).toList();
            throw new BadInputException("kind '" + k + "' is not " + (known.size() < 2 ? String.join("", known)
                    : String.join(", ", known.subList(0, known.size() - 1)) + " or " + known.get(known.size() - 1)));
        }
        if (!bk.platform().equals(p)) {
            throw new BadInputException("kind " + bk + " belongs to " + bk.platform() + ", not to platform " + p);
        }
        String v = AppDataFields.required("value", value);
        if (v.startsWith("'")) {
            v = AppDataFields.required("value", v.substring(1));
        }
        FieldLimits.check("value", v, FieldLimits.BINDING_VALUE);
        if (bk.platformIssued()) {
            // ids the platform issues are numbers (Taobao's relation and special ids); others are the app's free text
            IdText.require("value", v, IdText.FROM_APP);
        }
        return new BindingRow(p, bk, v, AppDataFields.positiveId("user_id", userId));
    }
}
