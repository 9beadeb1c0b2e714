package io.ciamportal.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ciamportal.audit.AuditQueryService;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.testsupport.PortalTestBase;
import io.ciamportal.testsupport.SignIn;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Curation through the real services and database: validated, audited with before/after, refused to non-admins. */
@Tag("integration")
class VendorCurationIntegrationTest extends PortalTestBase {

    @Autowired
    VendorCurationService curation;

    @Autowired
    VendorService vendors;

    @Autowired
    AuditQueryService audit;

    @Autowired
    SecurityContextHolderStrategy contexts;

    @Autowired
    UserDetailsService accounts;

    @AfterEach
    void signOut() {
        contexts.clearContext();
    }

    @Test
    void anAdminEditIsSavedDatedAndFoundInTheVendorsHistory() {
        signIn("ROLE_ADMIN");
        var edited = curation.updateCapability("kinde", version("kinde"), "webhooks",
                new CapabilityEdit(Support.YES, "Webhooks documented for user events.", List.of("https://docs.kinde.com/integrate/webhooks/"), true));

        assertThat(edited.reviewedOn()).isNotNull();
        var value = vendors.profile("kinde").capabilities().stream().filter(c -> c.key().equals("webhooks")).findFirst().orElseThrow();
        assertThat(value.support()).isEqualTo(Support.YES);
        assertThat(value.confirmed()).isTrue();
        var history = audit.publicTrail("vendor", "kinde");
        assertThat(history).isNotEmpty();
        assertThat(history.getFirst().action()).isEqualTo("VENDOR_VALUE_CHANGED");
        assertThat(history.getFirst().before()).contains("\"capability\":\"webhooks\"");
        assertThat(history.getFirst().after()).contains("\"support\":\"yes\"").contains("docs.kinde.com");
    }

    @Test
    void aConfirmedValueWithoutASourceIsRefusedAndNothingChanges() {
        signIn("ROLE_ADMIN");
        var before = vendors.profile("logto").capabilities().stream().filter(c -> c.key().equals("ldap")).findFirst().orElseThrow();
        assertThatThrownBy(() -> curation.updateCapability("logto", version("logto"), "ldap", new CapabilityEdit(Support.YES, "Says so", List.of(), true)))
                .isInstanceOf(InvalidInputException.class).extracting(e -> ((InvalidInputException) e).field()).isEqualTo("sources");
        assertThatThrownBy(() -> curation.updateCapability("logto", version("logto"), "ldap", new CapabilityEdit(Support.YES, "x", List.of("javascript:alert(1)"), false)))
                .isInstanceOf(InvalidInputException.class);
        var after = vendors.profile("logto").capabilities().stream().filter(c -> c.key().equals("ldap")).findFirst().orElseThrow();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void anOverrideNeedsAReasonAndShowsBesideTheComputedScore() {
        signIn("ROLE_ADMIN");
        assertThatThrownBy(() -> curation.overrideDifficulty("mojoauth", version("mojoauth"), VendorCurationService.Direction.OUTBOUND, 2, " "))
                .isInstanceOf(InvalidInputException.class);
        curation.overrideDifficulty("mojoauth", version("mojoauth"), VendorCurationService.Direction.OUTBOUND, 2, "Vendor confirmed an assisted export.");
        var outbound = vendors.profile("mojoauth").summary().outbound();
        assertThat(outbound.score()).isEqualTo(2);
        assertThat(outbound.overridden()).isTrue();
        assertThat(outbound.overrideReason()).contains("assisted export");
        curation.overrideDifficulty("mojoauth", version("mojoauth"), VendorCurationService.Direction.OUTBOUND, null, null);
        assertThat(vendors.profile("mojoauth").summary().outbound().overridden()).isFalse();
    }

    @Test
    void aViewerCannotCurateAndCannotReadOtherTrails() {
        signIn("ROLE_VIEWER");
        assertThatThrownBy(() -> curation.updateCapability("kinde", version("kinde"), "webhooks", new CapabilityEdit(Support.NO, "x", List.of(), false)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> curation.dataHealth()).isInstanceOf(AccessDeniedException.class);
        assertThat(audit.publicTrail("vendor", "kinde")).isNotNull();
        assertThatThrownBy(() -> audit.publicTrail("user", "anything")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anAdminAddsAVendorThatStartsUnknownAndEditsAFact() {
        signIn("ROLE_ADMIN");
        assertThatThrownBy(() -> curation.createVendor("Bad Slug", "X", VendorEnums.Deployment.MANAGED, VendorEnums.Tier.DEVELOPER_FIRST))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> curation.createVendor("keycloak", "Another", VendorEnums.Deployment.MANAGED, VendorEnums.Tier.DEVELOPER_FIRST))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already");
        var created = curation.createVendor("acme-identity", "Acme Identity", VendorEnums.Deployment.BOTH, VendorEnums.Tier.DEVELOPER_FIRST);
        assertThat(created.capabilities()).hasSize(vendors.catalogue().size()).allSatisfy(c -> {
            assertThat(c.support()).isEqualTo(Support.UNKNOWN);
            assertThat(c.reviewedOn()).as("nobody has read it yet").isNull();
        });
        assertThat(created.summary().outbound().score()).isGreaterThanOrEqualTo(3);

        curation.updateFact("acme-identity", version("acme-identity"), "license", "Proprietary licence per the vendor's terms page.",
                List.of("https://acme.example/terms"), true);
        assertThat(vendors.profile("acme-identity").facts().get("license").confirmed()).isTrue();
        assertThatThrownBy(() -> curation.updateFact("acme-identity", version("acme-identity"), "license", "x", List.of(), true))
                .isInstanceOf(InvalidInputException.class);
        assertThat(audit.publicTrail("vendor", "acme-identity")).extracting(e -> e.action())
                .containsExactly("VENDOR_FACT_CHANGED", "VENDOR_CREATED");
    }

    @Test
    void dataHealthListsUnconfirmedAndUnknownValues() {
        signIn("ROLE_ADMIN");
        var items = curation.dataHealth();
        assertThat(items).anyMatch(i -> i.problem() == VendorCurationService.Problem.UNKNOWN)
                .anyMatch(i -> i.problem() == VendorCurationService.Problem.UNCONFIRMED)
                .anyMatch(i -> i.key().startsWith("facts."));
    }

    @Test
    void anAdminEditsAVendorsOwnFactsAndHistoryShowsOnlyWhatChanged() {
        signIn("ROLE_ADMIN");
        var current = FactsEdit.of(vendors.profile("propelauth"));
        var edit = new FactsEdit(current.name(), current.fullName(), current.website(), current.docsUrl(), current.tier(),
                current.deployment(), current.license(), current.openSource(), List.of("PER_ORGANIZATION", "PER_MAU"),
                current.audiences(), List.of("US"), current.attestations(), current.lifecycle(), current.endOfSale(),
                current.endOfLife(), VendorEnums.HashExportPolicy.SUPPORT_TICKET, "bcrypt", List.of("bcrypt", "argon2id"),
                "Migration hook on first sign-in", current.bulkImportFormat(), current.bulkImportLimits(), current.bulkExportFormat(),
                current.bulkExportLimits());
        var after = curation.updateFacts("propelauth", version("propelauth"), edit);

        assertThat(after.summary().pricingModels()).containsExactly("PER_MAU", "PER_ORGANIZATION");
        assertThat(after.regions()).containsExactly("US");
        assertThat(after.migration().hashExportPolicy()).isEqualTo(VendorEnums.HashExportPolicy.SUPPORT_TICKET);
        assertThat(after.migration().hashImportSchemes()).containsExactly("bcrypt", "argon2id");
        var entry = audit.publicTrail("vendor", "propelauth").getFirst();
        assertThat(entry.action()).isEqualTo("VENDOR_FACTS_CHANGED");
        assertThat(entry.after()).contains("\"hashExportPolicy\":\"SUPPORT_TICKET\"").contains("\"regions\":[\"US\"]")
                .doesNotContain("\"name\"");
        assertThat(entry.before()).contains("\"hashExportPolicy\":\"UNKNOWN\"");
        // the difficulty follows the facts: hashes now leave through a ticket in bcrypt
        assertThat(after.summary().outbound().breakdown()).anySatisfy(c -> assertThat(c.reason()).contains("support ticket"));
    }

    @Test
    void anInvalidFactsEditNamesTheFieldAndChangesNothing() {
        signIn("ROLE_ADMIN");
        var before = vendors.profile("ssojet");
        var current = FactsEdit.of(before);
        var endOfSaleWithoutDate = new FactsEdit(current.name(), current.fullName(), current.website(), current.docsUrl(), current.tier(),
                current.deployment(), current.license(), current.openSource(), current.pricingModels(), current.audiences(),
                List.of("US"), current.attestations(), VendorEnums.LifecycleStatus.END_OF_SALE, null, null, current.hashExportPolicy(),
                current.hashExportScheme(), current.hashImportSchemes(), current.jitHookName(), current.bulkImportFormat(),
                current.bulkImportLimits(), current.bulkExportFormat(), current.bulkExportLimits());
        assertThatThrownBy(() -> curation.updateFacts("ssojet", version("ssojet"), endOfSaleWithoutDate))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("endOfSale"));
        var unknownScheme = new FactsEdit(current.name(), current.fullName(), "javascript:alert(1)", current.docsUrl(), current.tier(),
                current.deployment(), current.license(), current.openSource(), current.pricingModels(), current.audiences(),
                current.regions(), current.attestations(), current.lifecycle(), null, null, current.hashExportPolicy(),
                current.hashExportScheme(), List.of("rot13"), current.jitHookName(), current.bulkImportFormat(),
                current.bulkImportLimits(), current.bulkExportFormat(), current.bulkExportLimits());
        assertThatThrownBy(() -> curation.updateFacts("ssojet", version("ssojet"), unknownScheme))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isIn("website", "hashImportSchemes"));
        assertThat(vendors.profile("ssojet")).isEqualTo(before);

        signIn("ROLE_VIEWER");
        assertThatThrownBy(() -> curation.updateFacts("ssojet", version("ssojet"), current)).isInstanceOf(AccessDeniedException.class);
    }

    private void signIn(String role) {
        SignIn.as(contexts, accounts, role);
    }

    /** The vendor's current version: the edit is based on what is there now. */
    private long version(String slug) {
        return vendors.profile(slug).version();
    }
}
