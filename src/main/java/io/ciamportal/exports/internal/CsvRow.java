package io.ciamportal.exports.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A CSV row read by column name (case-insensitive); blank cells read as null. */
public final class CsvRow {

    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> header;
    private List<String> cells = List.of();

    public CsvRow(List<String> header) {
        this.header = header;
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
    }

    public List<String> header() {
        return header;
    }

    void set(List<String> cells) {
        this.cells = cells;
    }

    public boolean has(String column) {
        return index.containsKey(column);
    }

    public @Nullable String get(String column) {
        Integer i = index.get(column);
        if (i == null || i >= cells.size()) {
            return null;
        }
        String v = cells.get(i);
        return v.isBlank() ? null : v;
    }

    public @Nullable String at(int i) {
        if (i >= cells.size()) {
            return null;
        }
        String v = cells.get(i);
        return v.isBlank() ? null : v;
    }

    public int size() {
        return cells.size();
    }
}
