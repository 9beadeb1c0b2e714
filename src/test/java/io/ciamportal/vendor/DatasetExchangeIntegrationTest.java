package io.ciamportal.vendor;

import static io.ciamportal.testsupport.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.testsupport.ApiClient;
import io.ciamportal.testsupport.OwnDatabaseTestBase;
import io.ciamportal.testsupport.SignIn;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Dataset export and import against the real database: round trip, all-or-nothing, admins only. */
@Tag("integration")
class DatasetExchangeIntegrationTest extends OwnDatabaseTestBase {

    @Autowired
    DatasetExchangeService exchange;

    @Autowired
    VendorService vendors;

    @Autowired
    VendorCurationService curation;

    @Autowired
    SecurityContextHolderStrategy contexts;

    @Autowired
    UserDetailsService accounts;

    @AfterEach
    void signOut() {
        contexts.clearContext();
    }

    @Test
    void anExportImportsBackUnchangedAndKeepsOverrides() {
        signIn("ROLE_ADMIN");
        curation.overrideDifficulty("ssojet", version("ssojet"), VendorCurationService.Direction.INBOUND, 3, "Vendor-assisted onboarding offered.");
        var before = vendors.profile("ssojet");
        byte[] document = exchange.export();

        var result = exchange.importDataset(document);

        assertThat(result.vendors()).isEqualTo(vendors.search(VendorQuery.ALL).size()).isGreaterThanOrEqualTo(29);
        var after = vendors.profile("ssojet");
        assertThat(after.summary().inbound().override()).isEqualTo(3);
        assertThat(after.capabilities()).isEqualTo(before.capabilities());
        assertThat(after.facts()).isEqualTo(before.facts());
        assertThat(exchange.export()).isEqualTo(document);
        curation.overrideDifficulty("ssojet", version("ssojet"), VendorCurationService.Direction.INBOUND, null, null);
    }

    @Test
    void anImportWithOneBadRowChangesNothingAndNamesTheProblem() {
        signIn("ROLE_ADMIN");
        String document = new String(exchange.export(), StandardCharsets.UTF_8);
        String broken = document.replaceFirst("\"support\" : \"yes\"", "\"support\" : \"sometimes\"");
        assertThat(broken).isNotEqualTo(document);
        var before = vendors.search(VendorQuery.ALL);

        assertThatThrownBy(() -> exchange.importDataset(broken.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nothing was imported")
                .hasMessageContaining(".support: sometimes is not one of");
        assertThatThrownBy(() -> exchange.importDataset("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(vendors.search(VendorQuery.ALL)).isEqualTo(before);
    }

    @Test
    void onlyAdminsImportButAnySignedInUserExports() {
        signIn("ROLE_VIEWER");
        byte[] document = exchange.export();
        assertThat(document).isNotEmpty();
        assertThatThrownBy(() -> exchange.importDataset(document)).isInstanceOf(AccessDeniedException.class);

        var api = new ApiClient(baseUrl());
        var exported = api.get("/api/v1/dataset", basic("viewer", DEMO_PASSWORD));
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.body()).contains("\"format\" : \"ciam-portal-dataset/v1\"").contains("\"slug\" : \"keycloak\"");
        var refused = api.post("/api/v1/dataset", basic("viewer", DEMO_PASSWORD), exported.body());
        assertThat(refused.status()).isEqualTo(403);
        var bad = api.post("/api/v1/dataset", basic("admin", DEMO_PASSWORD), "{\"vendors\": []}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json()).containsEntry("field", "file");
    }

    private void signIn(String role) {
        SignIn.as(contexts, accounts, role);
    }

    /** The vendor's current version: the edit is based on what is there now. */
    private long version(String slug) {
        return vendors.profile(slug).version();
    }
}
