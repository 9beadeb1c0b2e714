package io.ciamportal.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The reviewable dataset in db/dataset/ as it is committed: complete, honest about sources, and loadable. */
class DatasetTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Dataset dataset;

    @BeforeAll
    static void read() throws IOException {
        var catalog = JSON.readValue(Path.of("db/dataset/capabilities.json").toFile(), Dataset.Catalog.class);
        var vendors = new ArrayList<Dataset.VendorFile>();
        try (var files = Files.list(Path.of("db/dataset/vendors"))) {
            for (var file : files.sorted().toList()) {
                var vendor = JSON.readValue(file.toFile(), Dataset.VendorFile.class);
                assertThat(file.getFileName().toString()).as("file name matches slug").isEqualTo(vendor.slug() + ".json");
                vendors.add(vendor);
            }
        }
        dataset = new Dataset(catalog, vendors);
    }

    @Test
    void theCommittedDatasetIsValid() {
        assertThat(dataset.validate()).isEmpty();
    }

    @Test
    void allTwentyNineVendorsAreThere() {
        assertThat(dataset.vendors()).extracting(Dataset.VendorFile::slug).containsExactlyInAnyOrderElementsOf(Dataset.REQUIRED_SLUGS);
    }

    @Test
    void everyVendorHasAValueForEveryCapability() {
        int capabilities = dataset.catalog().groups().stream().mapToInt(g -> g.capabilities().size()).sum();
        assertThat(capabilities).isGreaterThanOrEqualTo(28);
        assertThat(dataset.vendors()).allSatisfy(v -> assertThat(v.capabilities()).hasSize(capabilities));
    }

    @Test
    void azureAdB2cIsAtEndOfSaleSinceMay2025() {
        var b2c = dataset.vendors().stream().filter(v -> v.slug().equals("azure-ad-b2c")).findFirst().orElseThrow();
        assertThat(b2c.lifecycle().status()).isEqualTo("END_OF_SALE");
        assertThat(b2c.lifecycle().endOfSale()).isEqualTo(LocalDate.of(2025, 5, 1));
    }

    @Test
    void unknownIsKeptAsUnknownNotGuessed() {
        long unknown = dataset.vendors().stream().flatMap(v -> v.capabilities().values().stream())
                .filter(c -> c.support().equals("unknown")).count();
        assertThat(unknown).as("the research leaves gaps; they must stay visible").isPositive();
        assertThat(dataset.vendors().stream().flatMap(v -> v.capabilities().values().stream())
                .filter(c -> c.support().equals("unknown")))
                .allSatisfy(c -> assertThat(c.confirmed()).isFalse());
    }

    @Test
    void aBrokenVendorFileIsReportedWithVendorFieldAndProblem() {
        var good = dataset.vendors().getFirst();
        var capabilities = new HashMap<>(good.capabilities());
        var first = capabilities.keySet().iterator().next();
        capabilities.put(first, new Dataset.Value("sometimes", "x", List.of(), true, LocalDate.of(2026, 11, 22)));
        var broken = new Dataset.VendorFile(good.slug(), good.name(), good.fullName(), "not a url", good.docsUrl(), "GIANT",
                good.deployment(), good.license(), good.openSource(), good.pricingModels(), good.audiences(), List.of("MARS"),
                good.attestations(), good.lifecycle(), good.facts(), good.migration(), capabilities, null);
        var errors = new Dataset(dataset.catalog(), List.of(broken)).validate();
        assertThat(errors).anyMatch(e -> e.startsWith("vendor " + good.slug() + ", tier:"))
                .anyMatch(e -> e.contains(", regions: MARS"))
                .anyMatch(e -> e.contains(", website: not a url"))
                .anyMatch(e -> e.contains("capabilities." + first + ".support: sometimes"))
                .anyMatch(e -> e.contains("capabilities." + first + ": a confirmed value needs a source URL"));
    }
}
