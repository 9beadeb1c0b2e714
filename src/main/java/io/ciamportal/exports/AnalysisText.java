package io.ciamportal.exports;

import io.ciamportal.exports.ExportAnalysis.Metric;
import io.ciamportal.exports.ExportAnalysis.Status;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The analysis as plain text for a terminal: every count with whether it was observed. */
public final class AnalysisText {

    private AnalysisText() {}

    public static String render(ExportAnalysis a) {
        var out = new StringBuilder();
        out.append("Platform: ").append(a.platformName()).append(a.platformForced() ? " (as chosen)" : " (detected from the content)").append('\n');
        for (var f : a.files()) {
            out.append("File: ").append(f.name()).append(", ").append(f.bytes()).append(" bytes").append(f.gzip() ? " (gzip)" : "")
                    .append(", ").append(f.kindLabel()).append(", ").append(f.records()).append(" records, SHA-256 ").append(f.sha256()).append('\n');
        }
        out.append('\n').append("Users: ").append(a.users());
        if (a.skipped().serviceAccounts() > 0) {
            out.append(" (").append(a.skipped().serviceAccounts()).append(" service accounts skipped)");
        }
        out.append('\n');
        var p = a.passwords();
        line(out, "With a password", p.status(), p.withPassword(), a.users(), p.note());
        p.schemes().forEach((scheme, n) -> out.append("    ").append(scheme).append(": ").append(n).append(params(p.parameters().get(scheme))).append('\n'));
        metric(out, "Passwordless", a.passwordless(), a.users());
        metric(out, "Social or enterprise only", a.socialOnly(), a.users());
        metric(out, "Email verified", a.emailVerified(), a.users());
        var m = a.mfa();
        line(out, "With a second factor", m.status(), m.users(), a.users(), m.note());
        m.factors().forEach((factor, n) -> out.append("    ").append(factor).append(": ").append(n).append('\n'));
        if (m.totpSecretsInFile() > 0) {
            out.append("    TOTP secrets in the file (portable): ").append(m.totpSecretsInFile()).append('\n');
        }
        var l = a.lastSignIn();
        line(out, "Inactive (no sign-in for " + l.inactiveDays() + " days)", l.status(), l.inactive(), l.observedUsers(), l.note());
        if (l.status() != Status.NOT_OBSERVABLE) {
            l.histogram().forEach(b -> out.append("    ").append(b.label()).append(": ").append(b.users()).append('\n'));
            out.append("    never signed in: ").append(l.never()).append('\n');
        }
        var pr = a.providers();
        out.append("Identity providers and connections (").append(pr.status().label()).append(")").append(pr.counts().isEmpty() ? ": none" : ":").append('\n');
        pr.counts().forEach((name, n) -> out.append("    ").append(name).append(": ").append(n).append('\n'));
        out.append("Custom attribute keys (").append(a.customAttributes().status().label()).append("): ")
                .append(a.customAttributes().keys().isEmpty() ? "none" : String.join(", ", a.customAttributes().keys())).append('\n');
        metric(out, "Tenants", a.tenants(), -1);
        metric(out, "Organizations", a.organizations(), -1);
        metric(out, "Groups", a.groups(), -1);
        metric(out, "Blocked", a.blocked(), a.users());
        var d = a.duplicateEmails();
        out.append("Duplicate emails (case-insensitive): ").append(d.duplicates()).append(" emails held by ").append(d.usersAffected())
                .append(" users; ").append(d.withoutEmail()).append(" users without an email\n");
        out.append("Source ids: ").append(a.sourceIds().duplicates()).append(" duplicated, ").append(a.sourceIds().empty()).append(" empty\n");
        if (!a.warnings().isEmpty()) {
            out.append("\nWarnings:\n");
            a.warnings().forEach(w -> out.append("  - ").append(w.message()).append('\n'));
        }
        return out.toString();
    }

    private static String params(@Nullable Map<String, Long> params) {
        if (params == null || params.isEmpty()) {
            return "";
        }
        var sb = new StringBuilder(" (");
        params.forEach((k, v) -> sb.append(sb.length() > 2 ? "; " : "").append(k).append(": ").append(v));
        return sb.append(')').toString();
    }

    private static void metric(StringBuilder out, String label, Metric m, long of) {
        line(out, label, m.status(), m.count(), of, m.note());
    }

    private static void line(StringBuilder out, String label, Status status, @Nullable Long count, long of, @Nullable String note) {
        out.append(label).append(": ");
        if (status == Status.NOT_OBSERVABLE || count == null) {
            out.append("not observable from this export");
        } else {
            out.append(count);
            if (of > 0) {
                out.append(String.format(java.util.Locale.ROOT, " (%.1f %%)", 100.0 * count / of));
            }
            if (status == Status.PARTIAL) {
                out.append(", partly observed (a lower bound)");
            }
        }
        if (note != null) {
            out.append(" — ").append(note);
        }
        out.append('\n');
    }
}
