package io.ciamportal.migration;

import io.ciamportal.vendor.DifficultyRules;
import io.ciamportal.vendor.Support;
import io.ciamportal.vendor.VendorEnums.HashExportPolicy;
import io.ciamportal.vendor.VendorEnums.LifecycleStatus;
import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Scorer sides read straight from the seed dataset files in {@code db/dataset/vendors}, as the portal seeds them. */
public final class DatasetSides {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DatasetSides() {}

    public static Side of(String slug) {
        JsonNode v = JSON.readTree(new File("db/dataset/vendors/" + slug + ".json"));
        String name = v.get("name").asString();
        var capabilities = new HashMap<String, Side.Citation>();
        var supports = new HashMap<String, Support>();
        v.get("capabilities").properties().forEach(e -> {
            var support = Support.fromKey(e.getValue().get("support").asString());
            supports.put(e.getKey(), support);
            capabilities.put(e.getKey(), new Side.Citation(name, e.getKey(), support.label(), support, strings(e.getValue().get("sources")),
                    e.getValue().get("confirmed").asBoolean()));
        });
        var m = v.get("migration");
        var policy = HashExportPolicy.valueOf(m.get("hashExport").get("policy").asString());
        String scheme = m.get("hashExport").get("scheme").isNull() ? null : m.get("hashExport").get("scheme").asString();
        var imports = new HashSet<>(strings(m.get("hashImportSchemes").get("schemes")));
        var facts = new HashMap<String, Side.Citation>();
        facts.put("hashExport", new Side.Citation(name, "Password-hash export", m.get("hashExport").get("note").asString(), Support.UNKNOWN,
                strings(m.get("hashExport").get("sources")), m.get("hashExport").get("confirmed").asBoolean()));
        facts.put("hashImportSchemes", new Side.Citation(name, "Password-hash import", m.get("hashImportSchemes").get("note").asString(),
                Support.UNKNOWN, strings(m.get("hashImportSchemes").get("sources")), m.get("hashImportSchemes").get("confirmed").asBoolean()));
        var lifecycle = LifecycleStatus.valueOf(v.get("lifecycle").get("status").asString());
        boolean openSource = v.get("openSource").asBoolean();
        var inputs = new DifficultyRules.Inputs(policy, scheme, imports, supports, lifecycle, openSource);
        String hook = m.get("jitMigration").get("hookName").isNull() ? null : m.get("jitMigration").get("hookName").asString();
        boolean researched = !imports.isEmpty() || supports.get("hash-import") == Support.NO;
        return new Side(slug, name, false, policy, scheme, java.util.Set.copyOf(imports), researched, hook, capabilities, facts,
                DifficultyRules.outbound(inputs, null, null).score(), DifficultyRules.inbound(inputs, null, null).score());
    }

    private static List<String> strings(JsonNode array) {
        var list = new ArrayList<String>();
        array.forEach(n -> list.add(n.asString()));
        return list;
    }
}
