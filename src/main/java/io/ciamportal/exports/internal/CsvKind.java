package io.ciamportal.exports.internal;

import io.ciamportal.exports.ExportFormatException;
import java.util.List;

/** A CSV file kind with a header row (or a fixed column order, see {@link #header}). */
public abstract class CsvKind extends FileKind {

    /** Fills the record from one row; return false to skip the row. */
    protected abstract boolean row(CsvRow row, UserRecord record, Session session);

    /**
     * The header to read rows by. The default takes the file's first row; a kind whose files have no header, or a
     * preamble before it, overrides this and {@link #isHeader}.
     */
    protected List<String> header(List<String> firstRow) {
        return firstRow;
    }

    /** Whether this row is the header (rows before it are a preamble the kind reads in {@link #preamble}). */
    protected boolean isHeader(List<String> row) {
        return true;
    }

    protected void preamble(List<String> row, Session session) {}

    /** True when the first row is data, not a header (header-less exports). */
    protected boolean firstRowIsData() {
        return false;
    }

    @Override
    public long read(ExportStream stream, Session session) {
        var rows = new CsvRows(stream);
        List<String> first;
        while ((first = rows.next()) != null && (first.isEmpty() || !isHeader(first))) {
            if (!first.isEmpty()) {
                preamble(first, session);
            }
        }
        if (first == null) {
            throw new ExportFormatException(stream.name() + ": the CSV has no header row.");
        }
        var row = new CsvRow(header(first));
        var record = new UserRecord();
        long records = 0;
        // a header cell counts too: header names can be shown (as attribute keys), neutralised by Names.safe
        boolean formulaWarned = !firstRowIsData() && formulaCells(first, stream, rows, session);
        List<String> cells = firstRowIsData() ? first : rows.next();
        for (; cells != null; cells = rows.next()) {
            if (cells.isEmpty()) {
                continue;
            }
            records++;
            row.set(cells);
            if (!formulaWarned) {
                formulaWarned = formulaCells(cells, stream, rows, session);
            }
            if (row(row, record, session)) {
                target(session).add(record);
            } else {
                record.reset();
            }
        }
        return records;
    }

    private static boolean formulaCells(List<String> cells, ExportStream stream, CsvRows rows, Session session) {
        if (cells.stream().noneMatch(Names::formulaLike)) {
            return false;
        }
        session.warn("formula-cells", stream.name() + " has cells that a spreadsheet would run as formulas (first on line "
                + rows.line() + "). They are read as text and never shown; open the file in a spreadsheet with care.");
        return true;
    }

    protected Tally target(Session session) {
        return session.tally();
    }
}
