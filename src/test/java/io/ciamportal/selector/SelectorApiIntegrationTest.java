package io.ciamportal.selector;

import static io.ciamportal.testsupport.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.testsupport.ApiClient;
import io.ciamportal.testsupport.PortalTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The selector API and saved runs over HTTP, against the seeded vendor index in a real PostgreSQL. */
@Tag("integration")
@SuppressWarnings("unchecked")
class SelectorApiIntegrationTest extends PortalTestBase {

    private static final String SCIM_FOR_B2B = """
            {"currentPlatform": "auth0", "reason": "B2B_SSO_SCIM", "shape": "B2B", "hosting": "EITHER",
             "openSourceRequired": false, "residency": [], "attestations": [], "mauBand": "FROM_100K_TO_1M",
             "priceSensitivity": "HIGH", "mustHave": ["scim-inbound"], "niceToHave": ["passkeys"]}""";

    private ApiClient api;
    private final String viewer = basic("viewer", DEMO_PASSWORD);
    private final String analyst = basic("analyst", DEMO_PASSWORD);
    private final String admin = basic("admin", DEMO_PASSWORD);

    @BeforeEach
    void client() {
        api = new ApiClient(baseUrl());
    }

    @Test
    void aRunReturnsRankedVerifyAndEliminatedWithPointsPerCriterion() {
        var response = api.post("/api/v1/selector", viewer, SCIM_FOR_B2B);
        assertThat(response.status()).isEqualTo(200);
        var ranked = (List<Map<String, Object>>) response.json().get("ranked");
        var verify = (List<Map<String, Object>>) response.json().get("verify");
        var eliminated = (List<Map<String, Object>>) response.json().get("eliminated");
        assertThat(ranked).isNotEmpty().allSatisfy(r -> {
            assertThat(r).containsKeys("slug", "total", "points", "lacks");
            assertThat((Map<String, Object>) r.get("points")).containsOnlyKeys("reason", "shape", "hosting", "scale", "niceToHave", "migration");
        });
        assertThat(verify).isNotEmpty().allSatisfy(v -> assertThat((List<String>) v.get("unknown")).contains("scim-inbound"));
        assertThat(eliminated).anySatisfy(e -> {
            assertThat(e).containsEntry("slug", "auth0").containsEntry("gate", "current-platform");
        }).anySatisfy(e -> assertThat(e).containsEntry("slug", "azure-ad-b2c").containsEntry("gate", "lifecycle"));
        assertThat(ranked.size() + verify.size() + eliminated.size()).isGreaterThanOrEqualTo(29);
        // deterministic: the same answers, the same body
        assertThat(api.post("/api/v1/selector", analyst, SCIM_FOR_B2B).body()).isEqualTo(response.body());
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"currentPlatform\": \"no-such-vendor\", \"reason\": \"SOVEREIGNTY\"} | currentPlatform",
            "{\"reason\": \"CHEAPER\"}                                       | reason",
            "{\"mauBand\": \"HUGE\"}                                         | mauBand",
            "{\"mustHave\": [\"teleportation\"]}                             | mustHave",
            "{\"niceToHave\": [\"telepathy\"]}                               | niceToHave",
            "{\"residency\": [\"MARS\"]}                                     | residency",
            "{\"attestations\": [\"TRUST_ME\"]}                              | attestations",
            "{\"mustHave\": [\"passkeys\"], \"niceToHave\": [\"passkeys\"]}  | niceToHave",
            "{\"currentPlatform\": \"auth0\", \"reason\": \"GREENFIELD\"}    | reason"})
    void badAnswersAreRefusedWithTheFieldNamed(String body, String field) {
        var response = api.post("/api/v1/selector", viewer, body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json()).containsEntry("field", field);
        assertThat((String) response.json().get("message")).isNotBlank().doesNotContain("Exception");
    }

    @Test
    void theOptionsListEveryValueAndTheApiDescriptionDocumentsThem() {
        var options = api.get("/api/v1/selector/options", viewer);
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.json()).containsKeys("reasons", "shapes", "hosting", "mauBands", "priceSensitivity", "regions",
                "attestations", "platforms", "capabilities");
        assertThat((List<Map<String, Object>>) options.json().get("reasons")).extracting(r -> r.get("value"))
                .containsExactly("PER_MAU_COST", "B2C_PASSWORDLESS", "B2B_SSO_SCIM", "SOVEREIGNTY", "END_OF_LIFE", "LEAVING_SUITE", "GREENFIELD");
        assertThat((List<String>) options.json().get("regions")).contains("EU", "US").doesNotContain("ANY");
        var openApi = api.get("/v3/api-docs", viewer).body();
        assertThat(openApi).contains("/api/v1/selector").contains("/api/v1/selector/options").contains("PER_MAU_COST").contains("FROM_100K_TO_1M");
    }

    @Test
    void withoutSignInTheSelectorIs401() {
        assertThat(api.post("/api/v1/selector", null, SCIM_FOR_B2B).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/selector/options", null).status()).isEqualTo(401);
    }

    @Test
    void aSavedRunIsListedSharedRenamedByItsOwnerOnlyDeletedAndAudited() {
        var saved = api.post("/api/v1/selector/runs", analyst, "{\"name\": \"B2B shortlist\", \"answers\": " + SCIM_FOR_B2B + "}");
        assertThat(saved.status()).isEqualTo(201);
        String id = (String) saved.json().get("id");
        assertThat((String) saved.json().get("query")).contains("must=scim-inbound").contains("from=auth0");

        assertThat(ApiClient.list(api.get("/api/v1/selector/runs", analyst))).extracting(r -> r.get("id")).contains(id);
        assertThat(ApiClient.list(api.get("/api/v1/selector/runs", viewer))).extracting(r -> r.get("id")).doesNotContain(id);

        var shared = api.get("/api/v1/selector/runs/" + id, viewer);
        assertThat(shared.status()).isEqualTo(200);
        assertThat(shared.json()).containsEntry("query", saved.json().get("query")).containsEntry("mine", false);

        assertThat(api.patch("/api/v1/selector/runs/" + id, viewer, "{\"name\": \"Mine now\"}").status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/selector/runs/" + id, viewer).status()).isEqualTo(403);
        var blank = api.patch("/api/v1/selector/runs/" + id, analyst, "{\"name\": \"  \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json()).containsEntry("field", "name");
        var renamed = api.patch("/api/v1/selector/runs/" + id, analyst, "{\"name\": \"B2B shortlist, final\"}");
        assertThat(renamed.json()).containsEntry("name", "B2B shortlist, final");

        assertThat(api.delete("/api/v1/selector/runs/" + id, analyst).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/selector/runs/" + id, analyst).status()).isEqualTo(404);

        var trail = ApiClient.list(api.get("/api/v1/audit?targetType=selector-run&targetId=" + id, admin));
        assertThat(trail).extracting(e -> e.get("action"))
                .containsExactlyInAnyOrder("SELECTOR_RUN_SAVED", "SELECTOR_RUN_RENAMED", "SELECTOR_RUN_DELETED");
    }

    @Test
    void aRunWithBadAnswersIsNotSaved() {
        var before = ApiClient.list(api.get("/api/v1/selector/runs", analyst)).size();
        var refused = api.post("/api/v1/selector/runs", analyst, "{\"name\": \"Bad\", \"answers\": {\"mustHave\": [\"teleportation\"]}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(ApiClient.list(api.get("/api/v1/selector/runs", analyst))).hasSize(before);
    }
}
