package io.ciamportal.vendor.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** Turns an audit entry's before/after JSON into a line a person reads: "support: unknown → yes; sources: 0 → 1". */
final class ChangeSummary {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChangeSummary() {}

    @SuppressWarnings("unchecked")
    static String of(@Nullable String before, @Nullable String after) {
        Map<String, Object> b = before == null ? Map.of() : JSON.readValue(before, Map.class);
        Map<String, Object> a = after == null ? Map.of() : JSON.readValue(after, Map.class);
        var keys = new LinkedHashSet<String>();
        keys.addAll(a.keySet());
        keys.addAll(b.keySet());
        var parts = new ArrayList<String>();
        Object subject = a.getOrDefault("capability", a.getOrDefault("fact", a.get("direction")));
        for (String key : keys) {
            if (key.equals("capability") || key.equals("fact") || key.equals("direction") || key.equals("reviewedOn")) {
                continue;
            }
            Object was = b.get(key);
            Object now = a.get(key);
            if (Objects.equals(was, now)) {
                continue;
            }
            if (key.equals("note") || key.equals("reason")) {
                parts.add(key + " changed" + (now == null ? "" : ": \u201c" + now + "\u201d"));
            } else if (now instanceof Collection<?> list) {
                parts.add(key + ": " + (was instanceof Collection<?> old ? old.size() : 0) + " → " + list.size()
                        + (list.isEmpty() ? "" : " (" + String.join(", ", list.stream().map(String::valueOf).toList()) + ")"));
            } else {
                parts.add(key + ": " + (was == null ? "—" : was) + " → " + (now == null ? "—" : now));
            }
        }
        String text = parts.isEmpty() ? "no visible change" : String.join("; ", parts);
        return subject == null ? text : subject + ": " + text;
    }
}
