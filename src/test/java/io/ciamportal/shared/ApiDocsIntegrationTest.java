package io.ciamportal.shared;

import static io.ciamportal.testsupport.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.testsupport.ApiClient;
import io.ciamportal.testsupport.PortalTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The JSON API describes itself: every operation in /v3/api-docs answers success with a schema (a named record, a list of
 * them, or a file), so clients can be generated and shapes cannot drift into ad-hoc maps.
 */
@Tag("integration")
@SuppressWarnings("unchecked")
class ApiDocsIntegrationTest extends PortalTestBase {

    @Test
    void everyOperationHasAResponseSchema() {
        var docs = new ApiClient(baseUrl()).get("/v3/api-docs", basic("admin", DEMO_PASSWORD));
        assertThat(docs.status()).isEqualTo(200);
        var paths = (Map<String, Map<String, Object>>) docs.json().get("paths");
        assertThat(paths).hasSizeGreaterThan(30);
        var missing = new ArrayList<String>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                operations++;
                var responses = (Map<String, Map<String, Object>>) ((Map<String, Object>) operation.getValue()).get("responses");
                var success = responses.entrySet().stream().filter(r -> r.getKey().startsWith("2")).findFirst().orElse(null);
                if (success == null) {
                    missing.add(operation.getKey().toUpperCase() + " " + path.getKey() + ": no success response");
                } else if (!success.getKey().equals("204") && !described(success.getValue())) {
                    missing.add(operation.getKey().toUpperCase() + " " + path.getKey() + ": " + success.getValue());
                }
            }
        }
        assertThat(operations).isGreaterThan(40);
        assertThat(missing).as("operations whose answer has no schema").isEmpty();
    }

    /** A named schema, a list of named schemas, or a file; a bare map ({@code type: object}) does not count. */
    private static boolean described(Map<String, Object> response) {
        var content = (Map<String, Map<String, Object>>) response.get("content");
        if (content == null || content.isEmpty()) {
            return false;
        }
        return content.values().stream().allMatch(media -> {
            var schema = (Map<String, Object>) media.get("schema");
            if (schema == null) {
                return false;
            }
            if (schema.containsKey("$ref")) {
                return true;
            }
            if ("array".equals(schema.get("type"))) {
                var items = (Map<String, Object>) schema.get("items");
                return items != null && (items.containsKey("$ref") || "string".equals(items.get("type")));
            }
            return "string".equals(schema.get("type"));
        });
    }

}
