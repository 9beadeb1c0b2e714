package io.ciamportal.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The application-side inventory as rows for the Markdown and PDF reports, so both say the same. Pure. */
final class ApplicationReportRows {

    static final String NOT_LISTED = "The application side is not listed yet: counts are unknown. Fill in the Applications tab "
            + "(or PUT /api/v1/migrations/{id}/applications).";

    private ApplicationReportRows() {}

    /** One row per client: name, type, redirect URIs, logout URIs, grant types, keyed on sub. */
    static List<List<String>> clients(ApplicationInventory apps) {
        return apps.clients().stream().map(c -> List.of(c.name(), c.type().label(), String.join(" ", c.redirectUris()),
                String.join(" ", c.logoutUris()), c.grantTypes().stream().sorted().map(ApplicationInventory.GrantType::wireName)
                        .collect(Collectors.joining(", ")), c.keysOnSub() ? "yes" : "no")).toList();
    }

    /** The rest of the listing as label and value. */
    static List<List<String>> listing(ApplicationInventory apps) {
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("APIs validating tokens", count(apps.tokenValidatingApis())));
        rows.add(List.of("Custom domains", apps.domains().isEmpty() ? "none" : apps.domains().stream()
                .map(d -> d.hostname() + " (" + (d.dnsRecords() == null ? "DNS records unknown" : d.dnsRecords() + " DNS records") + ", TLS: "
                        + d.tls().label().toLowerCase(Locale.ROOT) + ")").collect(Collectors.joining("; "))));
        rows.add(List.of("Templates", count(apps.emailTemplates()) + " email, " + count(apps.smsTemplates()) + " SMS"
                + (apps.templateLocales().isEmpty() ? "" : "; locales " + String.join(", ", apps.templateLocales()))));
        rows.add(List.of("Sender domains", apps.senderDomains().isEmpty() ? "none" : String.join(", ", apps.senderDomains())));
        rows.add(List.of("Webhooks", apps.webhooks().isEmpty() ? "none" : apps.webhooks().stream()
                .map(w -> w.name() + " (" + w.endpoint() + (w.signed() ? ", signed" : "") + ")").collect(Collectors.joining("; "))));
        rows.add(List.of("Log streams", count(apps.logStreams())));
        rows.add(List.of("API keys", count(apps.apiKeys())));
        rows.add(List.of("Machine credentials", count(apps.machineCredentials())));
        return rows;
    }

    static String affected(ApplicationAssessment.ItemVerdict v) {
        return v.affected() == null ? "unknown" : String.format(Locale.ENGLISH, "%,d %s", v.affected(), v.unit());
    }

    private static String count(@Nullable Integer n) {
        return n == null ? "unknown" : String.format(Locale.ENGLISH, "%,d", n);
    }
}
