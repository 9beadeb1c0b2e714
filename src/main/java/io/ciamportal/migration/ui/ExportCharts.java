package io.ciamportal.migration.ui;

import io.ciamportal.exports.ExportAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** ECharts options for the export's three charts: one bar per scheme, per second factor, per sign-in recency bucket. */
final class ExportCharts {

    private ExportCharts() {}

    static Map<String, Object> schemes(ExportAnalysis a) {
        return bars(new ArrayList<>(a.passwords().schemes().keySet()), new ArrayList<>(a.passwords().schemes().values()), "#2563eb");
    }

    static Map<String, Object> mfa(ExportAnalysis a) {
        return bars(new ArrayList<>(a.mfa().factors().keySet()), new ArrayList<>(a.mfa().factors().values()), "#15803d");
    }

    static Map<String, Object> recency(ExportAnalysis a) {
        var names = new ArrayList<String>();
        var values = new ArrayList<Long>();
        a.lastSignIn().histogram().forEach(b -> {
            names.add(b.label());
            values.add(b.users());
        });
        names.add("never");
        values.add(a.lastSignIn().never());
        return bars(names, values, "#b45309");
    }

    private static Map<String, Object> bars(List<String> names, List<Long> values, String colour) {
        return Map.of("grid", Map.of("left", 8, "right", 24, "top", 8, "bottom", 8, "containLabel", true),
                "tooltip", Map.of("trigger", "axis"),
                "xAxis", Map.of("type", "value", "minInterval", 1),
                "yAxis", Map.of("type", "category", "data", names, "inverse", true),
                "series", List.of(Map.of("type", "bar", "data", values, "itemStyle", Map.of("color", colour), "barMaxWidth", 18,
                        "label", Map.of("show", true, "position", "right"))));
    }
}
