package io.ciamportal.exports.internal;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The first bytes of a file, seen the ways the kinds need: as text, as JSON or not, and (for CSV) the first row's
 * cells, lower-cased and trimmed.
 *
 * @param text     the first 64 KiB as text
 * @param json     whether the first non-blank character opens a JSON object or array
 * @param firstRow the first CSV row's cells (lower-cased), or null for JSON
 * @param rows     the first few CSV rows as cells (as written), or empty for JSON
 */
public record Sniff(String text, boolean json, @Nullable List<String> firstRow, List<List<String>> rows) {

    public static Sniff of(String text) {
        String trimmed = text.stripLeading();
        boolean json = !trimmed.isEmpty() && (trimmed.charAt(0) == '{' || trimmed.charAt(0) == '[');
        if (json) {
            return new Sniff(text, true, null, List.of());
        }
        var rows = new java.util.ArrayList<List<String>>();
        for (String line : text.split("\r?\n", 12)) {
            if (rows.size() < 10) {
                rows.add(cells(line));
            }
        }
        List<String> first = rows.isEmpty() ? List.of()
                : rows.getFirst().stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
        return new Sniff(text, false, first, List.copyOf(rows));
    }

    public boolean contains(String fragment) {
        return text.contains(fragment);
    }

    public boolean headerHas(String... columns) {
        if (firstRow == null) {
            return false;
        }
        for (String column : columns) {
            if (!firstRow.contains(column)) {
                return false;
            }
        }
        return true;
    }

    /** A rough split of one line into cells (quotes respected), good enough for sniffing. */
    public static List<String> cells(String line) {
        var cells = new java.util.ArrayList<String>();
        var cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
