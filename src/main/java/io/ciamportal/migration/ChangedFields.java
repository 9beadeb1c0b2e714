package io.ciamportal.migration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The fields whose value differs between two versions of a map, with their values before and after, for an audit entry. */
record ChangedFields(Map<String, @Nullable Object> before, Map<String, @Nullable Object> after) {

    static ChangedFields between(Map<String, ? extends @Nullable Object> old, Map<String, ? extends @Nullable Object> updated) {
        var before = new LinkedHashMap<String, @Nullable Object>();
        var after = new LinkedHashMap<String, @Nullable Object>();
        updated.forEach((k, v) -> {
            if (!Objects.equals(old.get(k), v)) {
                before.put(k, old.get(k));
                after.put(k, v);
            }
        });
        return new ChangedFields(before, after);
    }
}
