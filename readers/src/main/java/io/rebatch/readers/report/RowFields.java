package io.rebatch.readers.report;

/**
 * One platform row seen as named fields, whatever it came from: an order object of an API page
 * ({@link JsonRowFields}) or a record of an exported CSV ({@link CsvRowFields}, which maps the API field names to
 * the export's columns). The platform mappings read rows only through this view and {@link Values}, so that the
 * API page and the back-office export of Taobao share one mapping.
 */
public interface RowFields {

    /** The value as text: strings as given, numbers as their exact decimal text; null when absent or JSON null. */
    public String text(String field);

    /**
     * The value as an identifier: a JSON integer as its exact digits, a string with a leading tab or {@code '}
     * (the spreadsheet "keep as text" tricks) and surrounding blanks removed; null when missing ({@code ""},
     * {@code "--"}, null, absent). A fractional number comes back as its text; {@link Values#requiredId} and
     * {@link Values#id} refuse it (and scientific notation) as spreadsheet damage.
     */
    public String id(String field);

    /** How messages name the field: the API field name, or the export's column. */
    public String label(String field);
}
