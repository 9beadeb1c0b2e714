package io.ciamportal.vendor.internal;

import io.ciamportal.vendor.Support;
import io.ciamportal.vendor.VendorEnums.Deployment;
import io.ciamportal.vendor.VendorEnums.HashExportPolicy;
import io.ciamportal.vendor.VendorEnums.LifecycleStatus;
import io.ciamportal.vendor.VendorEnums.Tier;
import io.ciamportal.vendor.VendorViews;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the vendor index from PostgreSQL in three queries (vendors, capability values, catalogue). */
@Component
public class VendorReader {

    private final JdbcClient jdbc;

    public VendorReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A vendor row with everything the rules and the views need. */
    public record Row(UUID id, String slug, String name, String fullName, @Nullable String website, @Nullable String docsUrl,
            Tier tier, Deployment deployment, String license, boolean openSource, List<String> pricingModels,
            List<String> audiences, List<String> regions, List<String> attestations, VendorViews.Lifecycle lifecycle,
            VendorViews.Migration migration, @Nullable Integer outboundOverride, @Nullable String outboundOverrideReason,
            @Nullable Integer inboundOverride, @Nullable String inboundOverrideReason, long version, @Nullable String changedBy,
            java.time.@Nullable Instant changedAt) {}

    public List<Row> vendors(@Nullable String slug) {
        String sql = "SELECT * FROM vendor" + (slug == null ? "" : " WHERE slug = :slug") + " ORDER BY lower(name)";
        var spec = jdbc.sql(sql);
        if (slug != null) {
            spec = spec.param("slug", slug);
        }
        return spec.query(VendorReader::row).list();
    }

    public List<VendorViews.CapabilityInfo> catalogue() {
        return jdbc.sql("""
                SELECT c.key, c.name, c.description, g.key AS group_key, g.name AS group_name
                FROM capability c JOIN capability_group g ON g.key = c.group_key
                ORDER BY g.position, c.position""")
                .query((rs, n) -> new VendorViews.CapabilityInfo(rs.getString("key"), rs.getString("name"),
                        rs.getString("description"), rs.getString("group_key"), rs.getString("group_name")))
                .list();
    }

    /** Capability values per vendor id, keyed by capability. */
    public Map<UUID, Map<String, VendorViews.CapabilityValue>> values(@Nullable UUID vendor, List<VendorViews.CapabilityInfo> catalogue) {
        var info = new HashMap<String, VendorViews.CapabilityInfo>();
        catalogue.forEach(c -> info.put(c.key(), c));
        var result = new HashMap<UUID, Map<String, VendorViews.CapabilityValue>>();
        String sql = "SELECT * FROM capability_value" + (vendor == null ? "" : " WHERE vendor_id = :vendor");
        var spec = jdbc.sql(sql);
        if (vendor != null) {
            spec = spec.param("vendor", vendor);
        }
        spec.query(rs -> {
            var c = info.get(rs.getString("capability_key"));
            if (c != null) {
                result.computeIfAbsent(rs.getObject("vendor_id", UUID.class), k -> new HashMap<>())
                        .put(c.key(), new VendorViews.CapabilityValue(c.key(), c.name(), c.groupKey(), c.groupName(),
                                Support.valueOf(rs.getString("support")), rs.getString("note"), strings(rs.getArray("sources")),
                                rs.getBoolean("confirmed"), rs.getObject("reviewed_on", LocalDate.class)));
            }
        });
        return result;
    }

    public Map<String, VendorViews.Fact> facts(UUID vendor) {
        var facts = new LinkedHashMap<String, VendorViews.Fact>();
        jdbc.sql("SELECT * FROM vendor_fact WHERE vendor_id = ? ORDER BY fact_key").param(vendor).query(rs -> {
            facts.put(rs.getString("fact_key"), new VendorViews.Fact(rs.getString("fact_key"), rs.getString("note"),
                    strings(rs.getArray("sources")), rs.getBoolean("confirmed"), rs.getObject("reviewed_on", LocalDate.class)));
        });
        return facts;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("name"), rs.getString("full_name"),
                rs.getString("website"), rs.getString("docs_url"), Tier.valueOf(rs.getString("tier")),
                Deployment.valueOf(rs.getString("deployment")), rs.getString("license"), rs.getBoolean("open_source"),
                strings(rs.getArray("pricing_models")), strings(rs.getArray("audiences")), strings(rs.getArray("regions")),
                strings(rs.getArray("attestations")),
                new VendorViews.Lifecycle(LifecycleStatus.valueOf(rs.getString("lifecycle_status")),
                        rs.getObject("end_of_sale", LocalDate.class), rs.getObject("end_of_life", LocalDate.class)),
                new VendorViews.Migration(HashExportPolicy.valueOf(rs.getString("hash_export_policy")),
                        rs.getString("hash_export_scheme"), rs.getString("stored_scheme"), strings(rs.getArray("hash_import_schemes")),
                        rs.getString("jit_hook_name"), rs.getString("bulk_import_format"), rs.getString("bulk_import_limits"),
                        rs.getString("bulk_export_format"), rs.getString("bulk_export_limits")),
                (Integer) rs.getObject("outbound_override", Integer.class), rs.getString("outbound_override_reason"),
                (Integer) rs.getObject("inbound_override", Integer.class), rs.getString("inbound_override_reason"), rs.getLong("version"),
                rs.getString("changed_by"), changedAt(rs));
    }

    private static java.time.@Nullable Instant changedAt(ResultSet rs) throws SQLException {
        var at = rs.getObject("changed_at", java.time.OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
