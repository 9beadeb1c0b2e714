package io.ciamportal.migration;

import io.ciamportal.exports.ExportAnalysis;
import io.ciamportal.exports.ExportAnalysis.Metric;
import io.ciamportal.exports.ExportAnalysis.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The export's counts as report rows: label, value, and whether this export lets it be observed. */
final class ExportReportRows {

    private ExportReportRows() {}

    record Row(String label, String value, String status) {}

    static List<Row> rows(ExportAnalysis a) {
        var rows = new ArrayList<Row>();
        rows.add(new Row("Users", n(a.users()), Status.OBSERVED.label()));
        var p = a.passwords();
        rows.add(new Row("With a password hash", n(p.withPassword()), p.status().label()));
        if (p.hashNotInExport() > 0) {
            rows.add(new Row("With a password the export leaves out", n(p.hashNotInExport()), Status.OBSERVED.label()));
        }
        p.schemes().forEach((scheme, count) -> rows.add(new Row("  scheme " + scheme, n(count), p.status().label())));
        p.bcryptCost().forEach((cost, count) -> rows.add(new Row("  bcrypt cost " + cost, n(count), p.status().label())));
        rows.add(metric("Passwordless", a.passwordless()));
        rows.add(metric("Social or enterprise only", a.socialOnly()));
        rows.add(metric("Email verified", a.emailVerified()));
        rows.add(new Row("With a second factor", n(a.mfa().users()), a.mfa().status().label()));
        a.mfa().factors().forEach((factor, count) -> rows.add(new Row("  " + factor, n(count), a.mfa().status().label())));
        var l = a.lastSignIn();
        rows.add(new Row("Inactive (" + l.inactiveDays() + " days or more)", l.inactiveShare() == null ? "unknown"
                : String.format(Locale.ENGLISH, "%,d (%.1f %%)", l.inactive(), l.inactiveShare() * 100), l.status().label()));
        rows.add(new Row("Identity providers and connections", String.valueOf(a.providers().counts().size()), a.providers().status().label()));
        rows.add(new Row("Custom attribute keys", String.valueOf(a.customAttributes().keys().size()), a.customAttributes().status().label()));
        rows.add(metric("Tenants", a.tenants()));
        rows.add(metric("Organizations", a.organizations()));
        rows.add(metric("Groups", a.groups()));
        rows.add(metric("Blocked", a.blocked()));
        rows.add(new Row("Duplicate emails (case-insensitive)", n(a.duplicateEmails().duplicates()) + " (" + n(a.duplicateEmails().usersAffected())
                + " users)", a.duplicateEmails().status().label()));
        rows.add(new Row("Duplicate / empty source ids", n(a.sourceIds().duplicates()) + " / " + n(a.sourceIds().empty()), Status.OBSERVED.label()));
        if (a.skipped().serviceAccounts() > 0) {
            rows.add(new Row("Service accounts skipped", n(a.skipped().serviceAccounts()), Status.OBSERVED.label()));
        }
        return rows;
    }

    private static Row metric(String label, Metric m) {
        return new Row(label, n(m.count()), m.status().label());
    }

    private static String n(@Nullable Long n) {
        return n == null ? "unknown" : String.format(Locale.ENGLISH, "%,d", n);
    }
}
