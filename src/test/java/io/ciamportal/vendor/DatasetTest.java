package io.ciamportal.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ciamportal.vendor.internal.DatasetStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reviewable dataset in db/dataset/ as it is committed: complete, honest about sources and dates, loadable, and
 * shipped under a version of its own. The completeness targets (docs/dataset.md) are measured here.
 */
class DatasetTest {

    private static DatasetFiles.Shipped shipped;
    private static Dataset dataset;

    @BeforeAll
    static void read() {
        shipped = DatasetFiles.fromDirectory(Path.of("db/dataset"));
        dataset = shipped.dataset();
    }

    @Test
    void theCommittedDatasetIsValid() {
        assertThat(dataset.validate(LocalDate.now())).isEmpty();
    }

    @Test
    void changedDataShipsUnderANewReleaseVersion() {
        assertThat(shipped.release().version()).matches(Dataset.Release.VERSION);
        assertThat(shipped.release().contentChecksum())
                .as("db/dataset changed: give release.json a new version and this contentChecksum (dataset-report prints it)")
                .isEqualTo(shipped.checksum());
    }

    @Test
    void allTwentyNineVendorsAreThere() {
        assertThat(dataset.vendors()).extracting(Dataset.VendorFile::slug).containsExactlyInAnyOrderElementsOf(Dataset.REQUIRED_SLUGS);
    }

    @Test
    void theCatalogueHasAtLeastFortyCapabilitiesAndEveryVendorAnswersEach() {
        int capabilities = dataset.catalog().groups().stream().mapToInt(g -> g.capabilities().size()).sum();
        assertThat(capabilities).isGreaterThanOrEqualTo(40);
        assertThat(dataset.vendors()).allSatisfy(v -> assertThat(v.capabilities()).hasSize(capabilities));
    }

    @Test
    void atMostFivePercentOfCellsAreUnknownAndAtLeastEightyFivePercentConfirmed() {
        var overall = Completeness.of(dataset).overall();
        assertThat(overall.unknownPercent()).as(overall.describe()).isLessThanOrEqualTo(5.0);
        assertThat(overall.confirmedPercent()).as(overall.describe()).isGreaterThanOrEqualTo(85.0);
    }

    @Test
    void theCapabilitiesAddedInThisReleaseAreAtMostFifteenPercentUnknown() {
        var added = List.of("m2m-tokens", "device-authorization", "custom-claims", "fapi-dpop", "account-linking", "step-up-auth",
                "authorization", "breached-password-detection", "bot-protection", "session-management", "user-impersonation",
                "consent-management", "management-api", "terraform-provider");
        long cells = (long) added.size() * dataset.vendors().size();
        long unknown = dataset.vendors().stream().flatMap(v -> added.stream().map(k -> v.capabilities().get(k)))
                .filter(c -> c.support().equals("unknown")).count();
        assertThat(100.0 * unknown / cells).as(unknown + " of " + cells + " unknown").isLessThanOrEqualTo(15.0);
    }

    @Test
    void theMigrationCapabilitiesAddedIn20261202AreAnsweredAndAtMostFifteenPercentUnknown() {
        var added = List.of("user-id-import", "client-import");
        assertThat(dataset.catalog().groups()).filteredOn(g -> g.key().equals("migration")).singleElement()
                .satisfies(g -> assertThat(g.capabilities()).extracting(Dataset.CapabilityDef::key).containsAll(added));
        long cells = (long) added.size() * dataset.vendors().size();
        long unknown = dataset.vendors().stream().flatMap(v -> added.stream().map(k -> v.capabilities().get(k)))
                .filter(c -> c.support().equals("unknown")).count();
        assertThat(100.0 * unknown / cells).as(unknown + " of " + cells + " unknown").isLessThanOrEqualTo(15.0);
    }

    @Test
    void everyVendorsBuyerFactsAreFilled() {
        assertThat(Completeness.of(dataset).blankFacts()).isEmpty();
    }

    @Test
    void azureAdB2cIsAtEndOfSaleSinceMay2025() {
        var b2c = dataset.vendors().stream().filter(v -> v.slug().equals("azure-ad-b2c")).findFirst().orElseThrow();
        assertThat(b2c.lifecycle().status()).isEqualTo("END_OF_SALE");
        assertThat(b2c.lifecycle().endOfSale()).isEqualTo(LocalDate.of(2025, 5, 1));
    }

    @Test
    void anUnknownSaysWhatWasSearchedAndIsNeverConfirmed() {
        var unknowns = dataset.vendors().stream().flatMap(v -> v.capabilities().values().stream())
                .filter(c -> c.support().equals("unknown")).toList();
        assertThat(unknowns).allSatisfy(c -> {
            assertThat(c.confirmed()).isFalse();
            assertThat(c.reviewedOn()).isNull();
            assertThat(c.note()).isNotEqualTo(DatasetStore.NOT_RESEARCHED).containsAnyOf("earch", "found", "not stated", "No ");
        });
    }

    @Test
    void aFactCarriesTheDayItWasReadAndAFactNobodyReadHasNoDate() {
        var values = dataset.vendors().stream().flatMap(v -> v.capabilities().values().stream()).toList();
        assertThat(values).filteredOn(Dataset.Value::confirmed).allSatisfy(c -> assertThat(c.reviewedOn()).isNotNull());
        assertThat(values).extracting(Dataset.Value::reviewedOn).containsNull();
        assertThat(values).extracting(Dataset.Value::reviewedOn).filteredOn(d -> d != null)
                .allSatisfy(d -> assertThat(d).isBeforeOrEqualTo(LocalDate.now()));
    }

    // ---- bad input: refused as a whole, with the vendor, field and problem named ------------------------------------

    @Test
    void aBrokenVendorFileIsReportedWithVendorFieldAndProblem() {
        var good = dataset.vendors().getFirst();
        var capabilities = new HashMap<>(good.capabilities());
        var first = capabilities.keySet().iterator().next();
        capabilities.put(first, new Dataset.Value("sometimes", "x", List.of(), true, LocalDate.of(2026, 11, 22)));
        capabilities.put("telepathy", new Dataset.Value("yes", "x", List.of("ftp://example.com/x"), false, null));
        var key = good.capabilities().keySet().stream().filter(k -> !k.equals(first)).findFirst().orElseThrow();
        capabilities.put(key, new Dataset.Value("yes", "read tomorrow", List.of("https://example.com"), true, LocalDate.now().plusDays(1)));
        var broken = new Dataset.VendorFile(good.slug(), good.name(), good.fullName(), "not a url", good.docsUrl(), "GIANT",
                good.deployment(), good.license(), good.openSource(), List.of("PER_SEAT"), good.audiences(), List.of("MARS"),
                good.attestations(), good.lifecycle(), good.facts(), good.migration(), capabilities, null);
        var errors = new Dataset(dataset.catalog(), List.of(broken)).validate(LocalDate.now());
        String who = "vendor " + good.slug();
        assertThat(errors).anyMatch(e -> e.startsWith(who + ", tier:"))
                .anyMatch(e -> e.equals(who + ", regions: MARS is not a known value"))
                .anyMatch(e -> e.equals(who + ", pricingModels: PER_SEAT is not a known value"))
                .anyMatch(e -> e.contains(who + ", website: not a url"))
                .anyMatch(e -> e.contains("capabilities." + first + ".support: sometimes"))
                .anyMatch(e -> e.equals(who + ", capabilities." + first + ": a confirmed value needs a source URL"))
                .anyMatch(e -> e.equals(who + ", capabilities.telepathy: no such capability"))
                .anyMatch(e -> e.equals(who + ", capabilities.telepathy.sources: ftp://example.com/x is not an http(s) URL"))
                .anyMatch(e -> e.startsWith(who + ", capabilities." + key + ".reviewedOn: ") && e.endsWith("is in the future"));
    }

    @Test
    void aConfirmedValueWithoutTheDayItWasReadAndAConfirmedUnknownAreRefused() {
        var good = dataset.vendors().getFirst();
        var capabilities = new HashMap<>(good.capabilities());
        capabilities.put("passkeys", new Dataset.Value("yes", "x", List.of("https://example.com"), true, null));
        capabilities.put("totp", new Dataset.Value("unknown", "x", List.of("https://example.com"), true, LocalDate.of(2026, 12, 1)));
        var broken = copy(good, capabilities, good.lifecycle());
        var errors = new Dataset(dataset.catalog(), List.of(broken)).validate(LocalDate.of(2026, 12, 1));
        assertThat(errors).contains("vendor " + good.slug() + ", capabilities.passkeys: a confirmed value needs the day it was read (reviewedOn)",
                "vendor " + good.slug() + ", capabilities.totp: an unknown value cannot be confirmed");
    }

    @Test
    void anEndOfSaleDateInTheFutureIsRefused() {
        var good = dataset.vendors().getFirst();
        var broken = copy(good, good.capabilities(), new Dataset.Lifecycle("END_OF_SALE", LocalDate.of(2030, 1, 1), null));
        assertThat(new Dataset(dataset.catalog(), List.of(broken)).validate(LocalDate.of(2026, 12, 1)))
                .contains("vendor " + good.slug() + ", lifecycle.endOfSale: 2030-01-01 is in the future; until then the vendor is ACTIVE");
    }

    @Test
    void aFileWithAFieldTheReaderDoesNotKnowIsRefusedNamingTheFile(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("vendors"));
        Files.copy(Path.of("db/dataset/release.json"), dir.resolve("release.json"));
        Files.copy(Path.of("db/dataset/capabilities.json"), dir.resolve("capabilities.json"));
        String auth0 = Files.readString(Path.of("db/dataset/vendors/auth0.json"));
        Files.writeString(dir.resolve("vendors/auth0.json"), auth0.replaceFirst("\"deployment\"", "\"deploymnet\": \"MANAGED\", \"deployment\""));
        assertThatThrownBy(() -> DatasetFiles.fromDirectory(dir)).hasMessageContaining("vendors/auth0.json").hasMessageContaining("deploymnet");
    }

    @Test
    void releaseVersionsCompareByDateThenSequence() {
        assertThat(Dataset.Release.compare("2026.11.22", "2026.12.01")).isNegative();
        assertThat(Dataset.Release.compare("2026.12.01", "2026.12.01-1")).isNegative();
        assertThat(Dataset.Release.compare("2026.12.01-2", "2026.12.01-10")).isNegative();
        assertThat(Dataset.Release.compare("2027.01.01", "2026.12.31-9")).isPositive();
        assertThat(Dataset.Release.compare("2026.12.01", "2026.12.01")).isZero();
        assertThatThrownBy(() -> Dataset.Release.compare("v1", "2026.12.01")).hasMessageContaining("v1");
    }

    private static Dataset.VendorFile copy(Dataset.VendorFile v, java.util.Map<String, Dataset.Value> capabilities, Dataset.Lifecycle lifecycle) {
        return new Dataset.VendorFile(v.slug(), v.name(), v.fullName(), v.website(), v.docsUrl(), v.tier(), v.deployment(),
                v.license(), v.openSource(), v.pricingModels(), v.audiences(), v.regions(), v.attestations(), lifecycle, v.facts(),
                v.migration(), capabilities, null);
    }
}
