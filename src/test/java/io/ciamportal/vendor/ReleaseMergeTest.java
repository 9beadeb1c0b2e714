package io.ciamportal.vendor;

import static io.ciamportal.vendor.MadeUpDataset.catalog;
import static io.ciamportal.vendor.MadeUpDataset.value;
import static io.ciamportal.vendor.MadeUpDataset.vendor;
import static io.ciamportal.vendor.MadeUpDataset.withCapability;
import static io.ciamportal.vendor.MadeUpDataset.withOverrides;
import static io.ciamportal.vendor.MadeUpDataset.withRegions;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The three-way merge of a dataset release on made-up vendors: one rule per test. */
class ReleaseMergeTest {

    private final ReleaseMerge merge = new ReleaseMerge(DatasetFiles.JSON);
    private final Dataset.Catalog catalog = catalog("sso", "scim", "passkeys");

    private Dataset set(Dataset.VendorFile... vendors) {
        return new Dataset(catalog, List.of(vendors));
    }

    private static Dataset.VendorFile only(List<Dataset.VendorFile> files, String slug) {
        return files.stream().filter(f -> f.slug().equals(slug)).findFirst().orElseThrow();
    }

    @Test
    void aValueNobodyCuratedTakesTheReleasesValue() {
        var base = vendor("acme", catalog, "unknown");
        var incoming = withCapability(base, "sso", value("yes", "SAML and OIDC."));
        var result = merge.merge(set(base), set(base), set(incoming), Map.of(), Map.of());
        assertThat(result.replacements()).singleElement()
                .satisfies(v -> assertThat(v.capabilities().get("sso")).isEqualTo(value("yes", "SAML and OIDC.")));
        assertThat(result.conflicts()).isEmpty();
        assertThat(result.counts().valuesUpdated()).isEqualTo(1);
    }

    @Test
    void aCuratedValueIsKeptAndListedWhenTheReleaseChangedItToo() {
        var base = vendor("acme", catalog, "unknown");
        var local = withCapability(base, "sso", value("partial", "Our curator: SAML only."));
        var incoming = withCapability(base, "sso", value("yes", "SAML and OIDC."));
        var result = merge.merge(set(base), set(local), set(incoming), Map.of(), Map.of());
        assertThat(result.replacements()).isEmpty();
        assertThat(result.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.slug()).isEqualTo("acme");
            assertThat(c.path()).isEqualTo("capabilities.sso");
            assertThat(c.release().get("support").asString()).isEqualTo("yes");
            assertThat(c.local().get("support").asString()).isEqualTo("partial");
        });
        assertThat(result.counts().keptLocal()).isEqualTo(1);
    }

    @Test
    void aCuratedValueTheReleaseDidNotChangeIsKeptSilently() {
        var base = vendor("acme", catalog, "unknown");
        var local = withCapability(base, "sso", value("partial", "Our curator: SAML only."));
        var incoming = withCapability(base, "scim", value("yes", "SCIM 2.0."));
        var result = merge.merge(set(base), set(local), set(incoming), Map.of(), Map.of());
        assertThat(result.conflicts()).isEmpty();
        var merged = result.replacements().getFirst();
        assertThat(merged.capabilities().get("sso").support()).isEqualTo("partial");
        assertThat(merged.capabilities().get("scim").support()).isEqualTo("yes");
    }

    @Test
    void topLevelFactsMergeOneByOne() {
        var base = vendor("acme", catalog, "no");
        var local = withRegions(base, List.of("EU", "UK"));
        var incoming = withRegions(base, List.of("EU", "US"));
        var result = merge.merge(set(base), set(local), set(incoming), Map.of(), Map.of());
        assertThat(result.conflicts()).extracting(ReleaseMerge.Conflict::path).containsExactly("regions");
    }

    @Test
    void aNewVendorIsAddedAndAVendorTheReleaseDropsIsRemovedUnlessAMigrationUsesIt() {
        var kept = vendor("kept", catalog, "yes");
        var gone = vendor("gone", catalog, "yes");
        var fresh = vendor("fresh", catalog, "no");
        var result = merge.merge(set(kept, gone), set(kept, gone), set(fresh), Map.of(),
                Map.of("kept", List.of("Kept to Fresh")));
        assertThat(result.inserts()).extracting(Dataset.VendorFile::slug).containsExactly("fresh");
        assertThat(result.deletions()).containsExactly("gone");
        assertThat(result.kept()).singleElement().satisfies(k -> {
            assertThat(k.slug()).isEqualTo("kept");
            assertThat(k.migrations()).containsExactly("Kept to Fresh");
        });
        assertThat(result.counts().vendorsAdded()).isEqualTo(1);
        assertThat(result.counts().vendorsRemoved()).isEqualTo(1);
    }

    @Test
    void aVendorCreatedHereStaysAndGetsAnUnknownForEveryNewCapability() {
        var local = vendor("ours", catalog("sso"), "yes");
        var result = merge.merge(set(), new Dataset(catalog("sso"), List.of(local)), set(vendor("theirs", catalog, "no")),
                Map.of(), Map.of());
        assertThat(result.deletions()).isEmpty();
        var ours = only(result.replacements(), "ours");
        assertThat(ours.capabilities()).containsKeys("sso", "scim", "passkeys");
        assertThat(ours.capabilities().get("scim")).isEqualTo(ReleaseMerge.unknown());
        assertThat(ours.capabilities().get("sso").support()).isEqualTo("yes");
    }

    @Test
    void aNewCapabilityReachesEveryReleaseVendor() {
        var oldCatalog = catalog("sso");
        var base = vendor("acme", oldCatalog, "yes");
        var incoming = vendor("acme", catalog, "yes");
        var result = merge.merge(new Dataset(oldCatalog, List.of(base)), new Dataset(oldCatalog, List.of(base)), set(incoming),
                Map.of(), Map.of());
        assertThat(result.replacements().getFirst().capabilities()).containsKeys("scim", "passkeys");
        assertThat(result.counts().valuesAdded()).isEqualTo(2);
    }

    @Test
    void withoutABaseOnlyWhatTheAuditShowsAsCuratedIsKept() {
        var local = withCapability(withCapability(vendor("acme", catalog, "unknown"), "sso", value("partial", "curated")),
                "scim", value("no", "seeded long ago"));
        var incoming = withCapability(withCapability(vendor("acme", catalog, "unknown"), "sso", value("yes", "release")),
                "scim", value("yes", "release"));
        var result = merge.merge(null, set(local), set(incoming), Map.of("acme", Set.of("capabilities.sso")), Map.of());
        var merged = result.replacements().getFirst();
        assertThat(merged.capabilities().get("sso").support()).isEqualTo("partial");
        assertThat(merged.capabilities().get("scim").support()).isEqualTo("yes");
        assertThat(result.conflicts()).extracting(ReleaseMerge.Conflict::path).containsExactly("capabilities.sso");
    }

    @Test
    void aVendorCreatedInThePortalBeforeReleasesIsAllTheCurators() {
        var local = vendor("acme", catalog, "no");
        var incoming = vendor("acme", catalog, "yes");
        var result = merge.merge(null, set(local), set(incoming), Map.of("acme", Set.of(ReleaseMerge.ALL_FIELDS)), Map.of());
        assertThat(result.replacements()).isEmpty();
        assertThat(result.conflicts()).hasSize(3);
    }

    @Test
    void curatorsOverridesAlwaysStay() {
        var base = vendor("acme", catalog, "unknown");
        var local = withOverrides(base, new Dataset.Overrides(2, "Vendor-assisted export.", null, null));
        var incoming = withCapability(base, "sso", value("yes", "SAML."));
        var merged = merge.merge(set(base), set(local), set(incoming), Map.of(), Map.of()).replacements().getFirst();
        assertThat(merged.overrides()).isEqualTo(new Dataset.Overrides(2, "Vendor-assisted export.", null, null));
        assertThat(merged.capabilities().get("sso").support()).isEqualTo("yes");
    }

    @Test
    void mirroredMigrationFactsFollowTheirCapability() {
        var catalog = catalog("passkeys", "jit-migration");
        var base = vendor("acme", catalog, "unknown");
        var incoming = withCapability(withCapability(base, "passkeys", value("yes", "WebAuthn.")), "jit-migration", value("yes", "Hook."));
        var merged = merge.merge(new Dataset(catalog, List.of(base)), new Dataset(catalog, List.of(base)),
                new Dataset(catalog, List.of(incoming)), Map.of(), Map.of()).replacements().getFirst();
        assertThat(merged.migration().passkeys()).isEqualTo(merged.capabilities().get("passkeys"));
        assertThat(merged.migration().jitMigration().support()).isEqualTo("yes");
    }

    @Test
    void aReleaseEqualToTheInstallationChangesNothing() {
        var base = vendor("acme", catalog, "yes");
        var result = merge.merge(set(base), set(base), set(base), Map.of(), Map.of());
        assertThat(result.replacements()).isEmpty();
        assertThat(result.inserts()).isEmpty();
        assertThat(result.deletions()).isEmpty();
        assertThat(result.counts()).isEqualTo(new ReleaseMerge.Counts(0, 0, 0, 0, 0, 0, 0, 0));
    }
}
