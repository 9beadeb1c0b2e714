package io.ciamportal.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a sign-off keeps of the assessment it was given on (item verdicts and strategy, as canonical JSON), and what
 * changed since: a curator's new vendor fact or a dataset release can change a verdict without touching the gate's
 * evidence, and the reviewers should see that next to their sign-off. Pure.
 */
public final class AssessmentSnapshot {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AssessmentSnapshot() {}

    /** For example {@code {"items":{"password-hashes":"MIGRATES",...},"strategy":"HYBRID"}}, items in the product's order. */
    public static String of(Assessment a) {
        var items = new LinkedHashMap<String, Object>();
        a.items().forEach(i -> items.put(i.item().key(), i.verdict().name()));
        var snapshot = new LinkedHashMap<String, Object>();
        snapshot.put("items", items);
        snapshot.put("strategy", a.strategy().name());
        return Objects.requireNonNull(JSON.writeValueAsString(snapshot));
    }

    /** The differences between a snapshot and the assessment now, in words; empty when nothing changed or no snapshot. */
    @SuppressWarnings("unchecked")
    public static List<String> changes(@Nullable String snapshot, Assessment now) {
        if (snapshot == null) {
            return List.of();
        }
        Map<String, Object> then = JSON.readValue(snapshot, Map.class);
        var changes = new ArrayList<String>();
        var items = (Map<String, Object>) then.getOrDefault("items", Map.of());
        for (var item : now.items()) {
            Object before = items.get(item.item().key());
            if (before != null && !before.equals(item.verdict().name())) {
                changes.add(item.item().label() + ": " + verdictLabel(before.toString()) + " → " + item.verdict().label());
            }
        }
        Object strategy = then.get("strategy");
        if (strategy != null && !strategy.equals(now.strategy().name())) {
            changes.add("Strategy: " + strategyLabel(strategy.toString()) + " → " + now.strategy().label());
        }
        return List.copyOf(changes);
    }

    private static String verdictLabel(String name) {
        try {
            return Assessment.Verdict.valueOf(name).label();
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    private static String strategyLabel(String name) {
        try {
            return Assessment.Strategy.valueOf(name).label();
        } catch (IllegalArgumentException e) {
            return name;
        }
    }
}
