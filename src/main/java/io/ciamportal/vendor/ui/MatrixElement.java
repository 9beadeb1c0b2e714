package io.ciamportal.vendor.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import io.ciamportal.vendor.Matrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The server side of {@code <portal-matrix>}: the matrix goes to the browser as one JSON document. */
@Tag("portal-matrix")
@JsModule("./components/portal-matrix.ts")
final class MatrixElement extends Component {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    void show(Matrix matrix) {
        var vendors = matrix.vendors().stream().map(v -> Map.of("slug", v.slug(), "name", v.name())).toList();
        var groups = new ArrayList<Map<String, Object>>();
        Map<String, Object> current = null;
        List<Map<String, String>> capabilities = null;
        for (var c : matrix.capabilities()) {
            if (current == null || !current.get("key").equals(c.groupKey())) {
                capabilities = new ArrayList<>();
                current = new LinkedHashMap<>();
                current.put("key", c.groupKey());
                current.put("name", c.groupName());
                current.put("capabilities", capabilities);
                groups.add(current);
            }
            capabilities.add(Map.of("key", c.key(), "name", c.name()));
        }
        var cells = new LinkedHashMap<String, Map<String, Object>>();
        for (var v : matrix.vendors()) {
            var row = new LinkedHashMap<String, Object>();
            for (var c : matrix.capabilities()) {
                var value = matrix.value(v.slug(), c.key());
                var cell = new LinkedHashMap<String, Object>();
                cell.put("s", value.support().key());
                cell.put("n", value.note());
                cell.put("src", value.sources());
                cell.put("c", value.confirmed());
                cell.put("r", value.reviewedOn() == null ? null : value.reviewedOn().toString());
                row.put(c.key(), cell);
            }
            cells.put(v.slug(), row);
        }
        getElement().setProperty("json", JSON.writeValueAsString(Map.of("vendors", vendors, "groups", groups, "cells", cells)));
    }
}
