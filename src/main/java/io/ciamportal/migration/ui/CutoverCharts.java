package io.ciamportal.migration.ui;

import io.ciamportal.migration.CutoverCalendar.MilestoneKind;
import io.ciamportal.migration.CutoverViews;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ECharts option of the cutover timeline: one row per phase with its bar (a thick line on a time axis, so the
 * option stays plain JSON), the rollback standby over phase 5, a row of milestone markers, the plan items' due dates as
 * dots on their phase (overdue in the alarm colour, done in green), and today as a vertical line.
 */
final class CutoverCharts {

    static final List<String> ROWS = List.of("1 Discovery", "2 Destination", "3 Import", "4 Dual-run", "5 Cutover", "Milestones");
    static final String PHASE = "#3b6fd8";
    static final String STANDBY = "#b45309";
    static final String MILESTONE = "#1e3a8a";
    static final String DUE = "#64748b";
    static final String OVERDUE = "#c81e1e";
    static final String DONE = "#15803d";
    static final String TODAY = "#7c3aed";

    private CutoverCharts() {}

    static Map<String, Object> timeline(CutoverViews.Calendar view) {
        var c = java.util.Objects.requireNonNull(view.calendar());
        var series = new ArrayList<Map<String, Object>>();
        for (var p : c.phases()) {
            series.add(bar("Phase", ROWS.get(p.phase() - 1), p.start(), p.end(), PHASE, 16));
        }
        var standby = c.milestone(MilestoneKind.ROLLBACK_STANDBY);
        series.add(bar("Read-only standby", ROWS.get(4), standby.start(), standby.end(), STANDBY, 6));

        var marks = new ArrayList<Map<String, Object>>();
        for (var m : c.milestones()) {
            if (!m.window()) {
                marks.add(Map.of("name", shortLabel(m.kind()), "value", List.of(m.start().toString(), ROWS.get(5))));
            }
        }
        var milestones = new LinkedHashMap<String, Object>();
        milestones.put("name", "Milestone");
        milestones.put("type", "scatter");
        milestones.put("symbol", "diamond");
        milestones.put("symbolSize", 14);
        milestones.put("itemStyle", Map.of("color", MILESTONE));
        milestones.put("z", 4);
        milestones.put("label", Map.of("show", true, "formatter", "{b}", "fontSize", 11));
        milestones.put("labelLayout", Map.of("hideOverlap", true));
        milestones.put("data", marks);
        milestones.put("markLine", Map.of("symbol", List.of("none", "none"), "silent", true,
                "lineStyle", Map.of("color", TODAY, "type", "dashed", "width", 2),
                "label", Map.of("formatter", "Today", "color", TODAY, "position", "start"),
                "data", List.of(Map.of("xAxis", view.today().toString()))));
        series.add(milestones);

        var due = new ArrayList<Map<String, Object>>();
        var overdue = new ArrayList<Map<String, Object>>();
        var done = new ArrayList<Map<String, Object>>();
        for (var i : view.items()) {
            if (i.due() == null) {
                continue;
            }
            var point = Map.<String, Object>of("name", i.text().length() > 80 ? i.text().substring(0, 79) + "…" : i.text(),
                    "value", List.of(i.due().toString(), ROWS.get(i.phase() - 1)));
            (i.done() ? done : i.overdue() ? overdue : due).add(point);
        }
        series.add(dots("Item due", due, DUE, "circle", 8));
        series.add(dots("Overdue", overdue, OVERDUE, "triangle", 12));
        series.add(dots("Done", done, DONE, "circle", 8));

        LocalDate first = c.phase(1).start().isBefore(view.today()) ? c.phase(1).start() : view.today();
        LocalDate last = c.decommission().isAfter(view.today()) ? c.decommission() : view.today();
        var option = new LinkedHashMap<String, Object>();
        option.put("grid", Map.of("left", 8, "right", 24, "top", 40, "bottom", 8, "containLabel", true));
        // a scrolling legend keeps to one line on a phone instead of wrapping over the chart
        option.put("legend", Map.of("type", "scroll", "top", 0, "data", List.of("Phase", "Read-only standby", "Milestone", "Item due", "Overdue", "Done")));
        option.put("tooltip", Map.of("trigger", "item"));
        option.put("xAxis", Map.of("type", "time", "min", first.minusDays(3).toString(), "max", last.plusDays(3).toString(),
                "axisLabel", Map.of("formatter", "{yyyy}-{MM}-{dd}", "hideOverlap", true)));
        option.put("yAxis", Map.of("type", "category", "data", ROWS, "inverse", true));
        option.put("series", series);
        return option;
    }

    private static Map<String, Object> bar(String name, String row, LocalDate start, LocalDate end, String colour, int width) {
        var s = new LinkedHashMap<String, Object>();
        s.put("name", name);
        s.put("type", "line");
        s.put("symbol", "none");
        s.put("silent", true);
        s.put("lineStyle", Map.of("color", colour, "width", width, "cap", "butt"));
        s.put("itemStyle", Map.of("color", colour));
        // the end is inclusive: the bar runs to the start of the next day
        s.put("data", List.of(List.of(start.toString(), row), List.of(end.plusDays(1).toString(), row)));
        return s;
    }

    private static Map<String, Object> dots(String name, List<Map<String, Object>> data, String colour, String symbol, int size) {
        var s = new LinkedHashMap<String, Object>();
        s.put("name", name);
        s.put("type", "scatter");
        s.put("symbol", symbol);
        s.put("symbolSize", size);
        s.put("itemStyle", Map.of("color", colour, "borderColor", "#ffffff", "borderWidth", 1));
        s.put("z", 5);
        s.put("data", data);
        return s;
    }

    static String shortLabel(MilestoneKind kind) {
        return switch (kind) {
            case IMPORT -> "Import";
            case DUAL_WRITE -> "Dual-write";
            case CUTOVER -> "Cutover";
            case ROLLBACK_STANDBY -> "Standby";
            case AUDIT_EXPORT -> "Audit-log export";
            case DECOMMISSION -> "Decommission";
        };
    }
}
