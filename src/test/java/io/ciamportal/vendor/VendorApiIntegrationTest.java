package io.ciamportal.vendor;

import static io.ciamportal.testsupport.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.testsupport.ApiClient;
import io.ciamportal.testsupport.PortalTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The vendor API over HTTP against the seeded dataset in a real PostgreSQL. */
@Tag("integration")
@SuppressWarnings("unchecked")
class VendorApiIntegrationTest extends PortalTestBase {

    private ApiClient api;
    private final String viewer = basic("viewer", DEMO_PASSWORD);

    @BeforeEach
    void client() {
        api = new ApiClient(baseUrl());
    }

    @Test
    void theIndexListsAllVendorsWithLifecycleAndDifficulty() {
        var response = api.get("/api/v1/vendors", viewer);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).startsWith("[");
        assertThat(response.body().split("\"slug\":").length - 1).as("29 seeded, more if a test added one").isGreaterThanOrEqualTo(29);
        for (String slug : Dataset.REQUIRED_SLUGS) {
            assertThat(response.body()).contains("\"slug\":\"" + slug + "\"");
        }
        assertThat(response.body()).contains("\"slug\":\"keycloak\"").contains("\"difficulty\":{\"inbound\":");
    }

    @Test
    void filtersNarrowTheIndex() {
        var selfHosted = api.get("/api/v1/vendors?deployment=SELF_HOSTED", viewer).body();
        assertThat(selfHosted).contains("\"slug\":\"keycloak\"").doesNotContain("\"slug\":\"cognito\"");
        var endOfSale = api.get("/api/v1/vendors?lifecycle=END_OF_SALE", viewer).body();
        assertThat(endOfSale).contains("\"slug\":\"azure-ad-b2c\"").doesNotContain("\"slug\":\"auth0\"");
    }

    @Test
    void aProfileCarriesSourcedFactsMigrationFactsAndTheBreakdown() {
        var response = api.get("/api/v1/vendors/azure-ad-b2c", viewer);
        assertThat(response.status()).isEqualTo(200);
        var json = response.json();
        assertThat((Map<String, Object>) json.get("lifecycle")).containsEntry("status", "END_OF_SALE").containsEntry("endOfSale", "2025-05-01");
        assertThat((Map<String, Object>) json.get("hashExport")).containsKeys("policy", "scheme");
        assertThat(json).containsKeys("hashImportSchemes", "capabilities", "facts");
        var difficulty = (Map<String, Object>) json.get("difficulty");
        assertThat(difficulty.get("inbound")).isEqualTo(5);
        assertThat(difficulty).containsKey("breakdown");
        var capabilities = (List<Map<String, Object>>) json.get("capabilities");
        assertThat(capabilities).hasSize(catalogueSize()).allSatisfy(c -> assertThat(c).containsKeys("key", "group", "support", "note", "sources", "confirmed", "reviewedOn"));
    }

    @Test
    void anUnknownSlugIs404AsJsonAndAnUnknownCapability400() {
        var missing = api.get("/api/v1/vendors/no-such-vendor", viewer);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json()).containsEntry("error", "not_found");
        var badFilter = api.get("/api/v1/vendors?capability=teleportation", viewer);
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.json()).containsEntry("field", "capability");
        var badSort = api.get("/api/v1/vendors?sort=RANDOM", viewer);
        assertThat(badSort.status()).isEqualTo(400);
        assertThat(badSort.json()).containsEntry("field", "sort");
    }

    @Test
    void theMatrixComparesChosenVendorsAndCanShowOnlyDifferences() {
        var all = api.get("/api/v1/matrix?vendors=keycloak,auth0", viewer);
        assertThat(all.status()).isEqualTo(200);
        var capabilities = (List<Object>) all.json().get("capabilities");
        assertThat(capabilities).hasSize(catalogueSize());
        assertThat((Map<String, Object>) all.json().get("values")).containsOnlyKeys("keycloak", "auth0");
        var diff = api.get("/api/v1/matrix?vendors=keycloak,auth0&onlyDifferences=true", viewer);
        assertThat((List<Object>) diff.json().get("capabilities")).hasSizeLessThan(catalogueSize()).isNotEmpty();
        var unknown = api.get("/api/v1/matrix?vendors=keycloak,nobody", viewer);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json()).containsEntry("field", "vendors");
    }

    @Test
    void anOpenApiDescriptionListsTheEndpoints() {
        var response = api.get("/v3/api-docs", viewer);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"openapi\"").contains("/api/v1/vendors/{slug}").contains("/api/v1/matrix")
                .contains("/api/v1/dataset");
    }

    @Test
    void theVendorApiNeedsASignedInUser() {
        assertThat(api.get("/api/v1/vendors", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/capabilities", null).status()).isEqualTo(401);
    }

    @Test
    void theCapabilityCatalogueHasStableKeys() {
        var body = api.get("/api/v1/capabilities", viewer).body();
        for (String key : List.of("password", "passkeys", "totp", "sms-otp", "email-otp", "magic-link", "social-login", "adaptive-mfa",
                "oidc-provider", "saml-idp", "saml-sp", "scim-inbound", "ldap", "organizations", "per-org-sso", "hash-export",
                "hash-import", "jit-migration", "bulk-import", "bulk-export", "totp-export", "totp-import", "passkey-import",
                "actions-hooks", "webhooks", "audit-log-export", "hosted-login", "custom-domains")) {
            assertThat(body).contains("\"key\":\"" + key + "\"");
        }
    }

    private static int catalogueSize() {
        return DatasetFiles.fromClasspath().dataset().catalog().groups().stream().mapToInt(g -> g.capabilities().size()).sum();
    }
}
