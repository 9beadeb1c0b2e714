package io.ciamportal.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ciamportal.audit.AuditFilter;
import io.ciamportal.audit.AuditQueryService;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.testsupport.OwnDatabaseTestBase;
import io.ciamportal.testsupport.SignIn;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dataset releases against the real database: what the start applied, and a newer release reaching an installation
 * with curated edits. Every test runs in a transaction that is rolled back, so the shared index stays as it started.
 */
@Tag("integration")
@Transactional
class DatasetReleaseIntegrationTest extends OwnDatabaseTestBase {

    @Autowired
    DatasetReleases releases;

    @Autowired
    DatasetReleaseService releaseService;

    @Autowired
    VendorCurationService curation;

    @Autowired
    VendorService vendors;

    @Autowired
    DatasetExchangeService exchange;

    @Autowired
    AuditQueryService audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SecurityContextHolderStrategy contexts;

    @Autowired
    UserDetailsService accounts;

    @AfterEach
    void signOut() {
        contexts.clearContext();
    }

    @Test
    void theStartInstalledTheShippedRelease() {
        signIn("ROLE_ADMIN");
        var shipped = DatasetFiles.fromClasspath();
        var status = releaseService.status();
        assertThat(status.version()).isEqualTo(shipped.release().version());
        assertThat(vendors.search(VendorQuery.ALL)).hasSizeGreaterThanOrEqualTo(shipped.dataset().vendors().size());
        assertThat(releases.apply(shipped).applied()).as("the same release again is a no-op").isFalse();
    }

    @Test
    void aStartThatFindsTheShippedReleaseInstalledKnowsItFromTheChecksumAlone() {
        var shipped = DatasetFiles.fromClasspath();
        var stamp = DatasetFiles.stampFromClasspath();

        assertThat(stamp).isEqualTo(new DatasetFiles.Stamp(shipped.release().version(), shipped.checksum()));
        assertThat(releases.holds(stamp)).isTrue();
        assertThat(releases.holds(new DatasetFiles.Stamp(stamp.version(), "0".repeat(64)))).as("same version, other content").isFalse();
        assertThat(releases.holds(new DatasetFiles.Stamp("2099.01.01", stamp.checksum()))).as("another version").isFalse();
    }

    @Test
    void aNewerReleaseUpdatesUntouchedValuesKeepsCuratedOnesAndListsTheConflict() {
        signIn("ROLE_ADMIN");
        curation.updateCapability("kinde", version("kinde"), "webhooks",
                new CapabilityEdit(Support.PARTIAL, "Our curator: only user events.", List.of("https://docs.kinde.com/"), true));
        long auditBefore = audit.count(new AuditFilter(null, "DATASET_RELEASE_APPLIED", null, null, null, null));

        var shipped = DatasetFiles.fromClasspath();
        var next = newer(shipped, "2099.01.01", v -> switch (v.slug()) {
            case "kinde" -> MadeUpDataset.withCapability(MadeUpDataset.withCapability(v, "webhooks", released("no")), "ldap", released("yes"));
            case "mojoauth" -> null;
            case "clerk" -> null;
            default -> v;
        }, true);

        var outcome = releases.apply(next);

        assertThat(outcome.applied()).isTrue();
        var kinde = vendors.profile("kinde").capabilities();
        assertThat(value(kinde, "ldap").support()).as("untouched here: the release's value").isEqualTo(Support.YES);
        assertThat(value(kinde, "webhooks").support()).as("curated here: kept").isEqualTo(Support.PARTIAL);
        assertThat(value(kinde, "quantum-safe").support()).isEqualTo(Support.NO);
        assertThat(vendors.search(VendorQuery.ALL)).extracting(VendorViews.Summary::slug)
                .contains("release-test-vendor", "clerk").doesNotContain("mojoauth");
        assertThat(outcome.kept()).extracting(ReleaseMerge.KeptVendor::slug).contains("clerk");
        var clerk = vendors.profile("clerk").capabilities();
        assertThat(value(clerk, "quantum-safe").support()).as("a kept vendor gets the new capability as unknown").isEqualTo(Support.UNKNOWN);

        var conflicts = releaseService.conflicts();
        assertThat(conflicts).filteredOn(c -> c.slug().equals("kinde") && c.path().equals("capabilities.webhooks")).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("Webhooks");
            assertThat(c.releaseSays()).startsWith("No");
            assertThat(c.youSay()).startsWith("Partial").contains("Our curator");
        });
        assertThat(audit.count(new AuditFilter(null, "DATASET_RELEASE_APPLIED", null, null, null, null))).isEqualTo(auditBefore + 1);
        var entry = audit.find(new AuditFilter(null, "DATASET_RELEASE_APPLIED", null, null, null, null), 0, 1).getFirst();
        assertThat(entry.after()).contains("\"release\":\"2099.01.01\"").contains("\"conflicts\":1").contains("\"vendorsAdded\":1")
                .contains("\"vendorsRemoved\":1").contains("\"keptInUse\":[\"clerk\"]");

        releaseService.accept("kinde", "capabilities.webhooks");
        assertThat(value(vendors.profile("kinde").capabilities(), "webhooks").support()).isEqualTo(Support.NO);
        assertThat(releaseService.conflicts()).noneMatch(c -> c.slug().equals("kinde") && c.path().equals("capabilities.webhooks"));
        assertThatThrownBy(() -> releaseService.accept("kinde", "capabilities.webhooks")).hasMessageContaining("settled");
    }

    @Test
    void keepingTheLocalValueSettlesTheConflictAndChangesNothing() {
        signIn("ROLE_ADMIN");
        curation.updateCapability("logto", version("logto"), "ldap", new CapabilityEdit(Support.PARTIAL, "Our reading.", List.of(), false));
        releases.apply(newer(DatasetFiles.fromClasspath(), "2099.02.01",
                v -> v.slug().equals("logto") ? MadeUpDataset.withCapability(v, "ldap", released("yes")) : v, false));
        assertThat(releaseService.conflicts()).extracting(DatasetReleaseService.Conflict::slug).contains("logto");

        releaseService.keep("logto", "capabilities.ldap");

        assertThat(releaseService.conflicts()).extracting(DatasetReleaseService.Conflict::slug).doesNotContain("logto");
        assertThat(value(vendors.profile("logto").capabilities(), "ldap").note()).isEqualTo("Our reading.");
        assertThat(audit.find(new AuditFilter(null, "DATASET_CONFLICT_KEPT", null, "logto", null, null), 0, 1)).hasSize(1);
    }

    @Test
    void anInstallationSeededBeforeReleasesKeepsWhatItsAuditShowsWasCurated() {
        signIn("ROLE_ADMIN");
        curation.updateCapability("zitadel", version("zitadel"), "ldap", new CapabilityEdit(Support.PARTIAL, "Curated before releases.", List.of(), false));
        // as a portal seeded before releases existed: no release on record, its curation taken from the audit log
        jdbc.sql("DELETE FROM dataset_conflict").update();
        jdbc.sql("DELETE FROM dataset_release").update();
        jdbc.sql("INSERT INTO dataset_legacy_curation (slug, path) VALUES ('zitadel', 'capabilities.ldap')").update();
        var shipped = DatasetFiles.fromClasspath();
        var next = newer(shipped, shipped.release().version(), v -> v.slug().equals("zitadel")
                ? MadeUpDataset.withCapability(MadeUpDataset.withCapability(v, "ldap", released("yes")), "webhooks", released("no")) : v, false);

        releases.apply(next);

        var zitadel = vendors.profile("zitadel").capabilities();
        assertThat(value(zitadel, "ldap").note()).isEqualTo("Curated before releases.");
        assertThat(value(zitadel, "webhooks").support()).isEqualTo(Support.NO);
        assertThat(releaseService.conflicts()).extracting(DatasetReleaseService.Conflict::path).contains("capabilities.ldap");
        assertThat(jdbc.sql("SELECT count(*) FROM dataset_legacy_curation").query(Long.class).single()).isZero();
    }

    @Test
    void anImportThatWouldDropAVendorAMigrationUsesIsRefusedNamingTheMigration() {
        signIn("ROLE_ADMIN");
        var document = new String(exchange.export(), StandardCharsets.UTF_8);
        var tree = (tools.jackson.databind.node.ObjectNode) DatasetFiles.JSON.readTree(document);
        var kept = new ArrayList<tools.jackson.databind.JsonNode>();
        tree.get("vendors").forEach(v -> {
            if (!v.get("slug").asString().equals("clerk")) {
                kept.add(v);
            }
        });
        tree.putArray("vendors").addAll(kept);
        int before = vendors.search(VendorQuery.ALL).size();

        assertThatThrownBy(() -> exchange.importDataset(DatasetFiles.JSON.writeValueAsBytes(tree)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nothing was imported")
                .hasMessageContaining("vendor clerk: used by ")
                .hasMessageContaining("Mobile app: Cognito to Clerk");
        assertThat(vendors.search(VendorQuery.ALL)).hasSize(before);
    }

    @Test
    void dataHealthListsFactsReadLongerAgoThanTheStaleThreshold() {
        signIn("ROLE_ADMIN");
        int days = curation.staleAfterDays();
        assertThat(days).isEqualTo(180);
        var today = LocalDate.now();
        jdbc.sql("""
                UPDATE capability_value SET reviewed_on = ? WHERE capability_key = 'passkeys' AND confirmed
                  AND vendor_id = (SELECT id FROM vendor WHERE slug = 'auth0')""").param(today.minusDays(days + 1)).update();
        jdbc.sql("""
                UPDATE capability_value SET reviewed_on = ? WHERE capability_key = 'totp' AND confirmed
                  AND vendor_id = (SELECT id FROM vendor WHERE slug = 'auth0')""").param(today.minusDays(days - 1)).update();
        jdbc.sql("""
                UPDATE vendor_fact SET reviewed_on = ?, confirmed = true WHERE fact_key = 'regions'
                  AND vendor_id = (SELECT id FROM vendor WHERE slug = 'auth0')""").param(today.minusDays(400)).update();

        var stale = curation.dataHealth().stream().filter(i -> i.slug().equals("auth0") && i.problem() == VendorCurationService.Problem.STALE)
                .map(VendorCurationService.DataHealthItem::key).toList();

        assertThat(stale).contains("passkeys", "facts.regions").doesNotContain("totp");
    }

    @Test
    void onlyAdminsSeeOrSettleConflicts() {
        signIn("ROLE_ANALYST");
        assertThatThrownBy(() -> releaseService.conflicts()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> releaseService.keep("kinde", "capabilities.webhooks")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> releaseService.status()).isInstanceOf(AccessDeniedException.class);
    }

    private static VendorViews.CapabilityValue value(List<VendorViews.CapabilityValue> values, String key) {
        return values.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
    }

    private static Dataset.Value released(String support) {
        return new Dataset.Value(support, "What the next release read.", List.of("https://vendor.example/next"), true,
                LocalDate.of(2026, 11, 30));
    }

    /**
     * The shipped release under another version, each vendor passed through {@code change} (null drops it); with
     * {@code grow}, a new capability and a new vendor too.
     */
    private static DatasetFiles.Shipped newer(DatasetFiles.Shipped shipped, String version,
            java.util.function.UnaryOperator<Dataset.VendorFile> change, boolean grow) {
        var catalog = shipped.dataset().catalog();
        var vendorsOut = new ArrayList<Dataset.VendorFile>();
        for (var v : shipped.dataset().vendors()) {
            var changed = change.apply(v);
            if (changed != null) {
                vendorsOut.add(grow ? MadeUpDataset.withCapability(changed, "quantum-safe", released("no")) : changed);
            }
        }
        if (grow) {
            var groups = new ArrayList<>(catalog.groups());
            var last = groups.removeLast();
            var caps = new ArrayList<>(last.capabilities());
            caps.add(new Dataset.CapabilityDef("quantum-safe", "Quantum-safe keys", "Post-quantum signing keys."));
            groups.add(new Dataset.Group(last.key(), last.name(), caps));
            catalog = new Dataset.Catalog(groups);
            var values = new LinkedHashMap<String, Dataset.Value>();
            catalog.groups().forEach(g -> g.capabilities().forEach(c -> values.put(c.key(), ReleaseMerge.unknown())));
            var acme = MadeUpDataset.vendor("release-test-vendor", values);
            vendorsOut.add(acme);
        }
        return new DatasetFiles.Shipped(new Dataset.Release(version, LocalDate.of(2026, 12, 1), "test release", null),
                new Dataset(catalog, vendorsOut), "0".repeat(56) + version.replace(".", "").substring(0, 8));
    }

    private void signIn(String role) {
        SignIn.as(contexts, accounts, role);
    }

    /** The vendor's current version: the edit is based on what is there now. */
    private long version(String slug) {
        return vendors.profile(slug).version();
    }
}
