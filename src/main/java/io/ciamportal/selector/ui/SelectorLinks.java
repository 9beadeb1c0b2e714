package io.ciamportal.selector.ui;

import com.vaadin.flow.router.QueryParameters;
import io.ciamportal.selector.Answers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Answers in and out of Vaadin's query parameters, so every step and every result has a link that reproduces it. */
final class SelectorLinks {

    private SelectorLinks() {}

    static QueryParameters query(Answers answers) {
        return new QueryParameters(answers.toQuery());
    }

    static QueryParameters query(Answers answers, String key, String value) {
        var map = new LinkedHashMap<String, List<String>>(answers.toQuery());
        map.put(key, List.of(value));
        return new QueryParameters(map);
    }

    static Answers answers(QueryParameters query) {
        Map<String, List<String>> parameters = query.getParameters();
        return Answers.fromQuery(parameters);
    }
}
