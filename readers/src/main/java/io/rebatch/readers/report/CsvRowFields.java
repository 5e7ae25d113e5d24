package io.rebatch.readers.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link RowFields} over a CSV record, addressed by API field name: a file's column map is resolved once from its
 * header ({@link #columns}), then each record is viewed through it. Messages name the file's column.
 */
public final class CsvRowFields implements RowFields {

    /** Which column holds which API field in one file. */
    public static final class Columns {
        private final Map<String, Integer> indexOf = new HashMap<>();
        private final Map<String, String> labelOf;

        private Columns(Map<String, String> columnOfField, CsvRecords csv) {
            this.labelOf = columnOfField;
            columnOfField.forEach((field, column) -> {
                int i = csv.indexOf(column);
                if (i >= 0) {
                    indexOf.put(field, i);
                }
            });
        }

        public CsvRowFields row(List<String> values) {
            return new CsvRowFields(this, values);
        }
    }

    /** @param columnOfField API field name → the file's column name */
    public static Columns columns(Map<String, String> columnOfField, CsvRecords csv) {
        return new Columns(columnOfField, csv);
    }

    private final Columns columns;
    private final List<String> values;

    private CsvRowFields(Columns columns, List<String> values) {
        this.columns = columns;
        this.values = values;
    }

    @Override
    public String text(String field) {
        Integer i = columns.indexOf.get(field);
        return i == null ? null : values.get(i);
    }

    @Override
    public String id(String field) {
        return Values.cleanId(text(field));
    }

    @Override
    public String label(String field) {
        return columns.labelOf.getOrDefault(field, field);
    }
}
