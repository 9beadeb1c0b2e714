package io.ciamportal.selector;

import io.ciamportal.vendor.DifficultyRules;
import io.ciamportal.vendor.Support;
import io.ciamportal.vendor.VendorEnums.Deployment;
import io.ciamportal.vendor.VendorEnums.HashExportPolicy;
import io.ciamportal.vendor.VendorEnums.LifecycleStatus;
import io.ciamportal.vendor.VendorEnums.Tier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The seed dataset in {@code db/dataset/vendors} as engine candidates, read straight from the reviewable files. */
public final class RealDataset {

    private static final List<Candidate> CANDIDATES = load();

    private RealDataset() {}

    public static List<Candidate> candidates() {
        return CANDIDATES;
    }

    static Candidate get(String slug) {
        return CANDIDATES.stream().filter(c -> c.slug().equals(slug)).findFirst().orElseThrow();
    }

    private static List<Candidate> load() {
        var mapper = JsonMapper.builder().build();
        try (Stream<Path> files = Files.list(Path.of("db/dataset/vendors"))) {
            var result = new ArrayList<Candidate>();
            for (Path file : files.sorted().toList()) {
                result.add(candidate(mapper.readTree(file.toFile())));
            }
            return List.copyOf(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Candidate candidate(JsonNode v) {
        var capabilities = new HashMap<String, Support>();
        v.get("capabilities").properties().forEach(e -> capabilities.put(e.getKey(), Support.fromKey(e.getValue().get("support").asString())));
        var migration = v.get("migration");
        var export = migration.get("hashExport");
        var policy = HashExportPolicy.valueOf(export.get("policy").asString());
        String scheme = export.get("scheme").isNull() ? null : export.get("scheme").asString();
        var imports = new HashSet<>(strings(migration.get("hashImportSchemes").get("schemes")));
        var lifecycle = LifecycleStatus.valueOf(v.get("lifecycle").get("status").asString());
        boolean openSource = v.get("openSource").asBoolean();
        int inbound = DifficultyRules.inbound(new DifficultyRules.Inputs(policy, scheme, imports, capabilities, lifecycle, openSource),
                null, null).score();
        return new Candidate(v.get("slug").asString(), v.get("name").asString(), Deployment.valueOf(v.get("deployment").asString()),
                openSource, Tier.valueOf(v.get("tier").asString()), lifecycle, date(v.get("lifecycle").get("endOfSale")),
                date(v.get("lifecycle").get("endOfLife")), strings(v.get("pricingModels")), strings(v.get("audiences")),
                strings(v.get("regions")), strings(v.get("attestations")), capabilities, inbound, policy, scheme, imports);
    }

    private static LocalDate date(JsonNode node) {
        return node == null || node.isNull() ? null : LocalDate.parse(node.asString());
    }

    private static List<String> strings(JsonNode array) {
        var list = new ArrayList<String>();
        array.forEach(n -> list.add(n.asString()));
        return list;
    }
}
