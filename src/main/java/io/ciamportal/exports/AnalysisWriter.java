package io.ciamportal.exports;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes the analysis document, compact or pretty, character for character as Jackson's data binding writes the
 * records ({@code AnalysisWriterTest} compares the two on every fixture and on odd values): components in record
 * order, nulls written, maps in their order, Jackson's escapes (control characters, quote, backslash) and its default
 * pretty printer ({@code "name" : value}, two spaces a level, {@code [ a, b ]}, {@code { }} and {@code [ ]} when
 * empty). By hand because building the data-binding writer loads about 900 classes, half a second of a command that
 * should take a few.
 */
final class AnalysisWriter {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder out = new StringBuilder(4096);
    private final boolean pretty;
    /** per open container: entries written so far, and whether it is an object */
    private final int[] entries = new int[16];
    private final boolean[] object = new boolean[16];
    private int depth;
    /** objects open (the pretty printer indents by these; arrays stay on the line) */
    private int nesting;

    private AnalysisWriter(boolean pretty) {
        this.pretty = pretty;
    }

    static String write(ExportAnalysis a, boolean pretty) {
        var w = new AnalysisWriter(pretty);
        w.analysis(a);
        return w.out.toString();
    }

    private void analysis(ExportAnalysis a) {
        startObject();
        name("format").value(a.format());
        name("version").value(a.version());
        name("platform").value(a.platform());
        name("platformName").value(a.platformName());
        name("platformForced").value(a.platformForced());
        name("analysedAt").value(a.analysedAt() == null ? null : a.analysedAt().toString());
        name("files");
        if (a.files() == null) {
            nullValue();
        } else {
            startArray();
            for (var f : a.files()) {
                if (f == null) {
                    nullValue();
                    continue;
                }
                startObject();
                name("name").value(f.name());
                name("bytes").value(f.bytes());
                name("sha256").value(f.sha256());
                name("kind").value(f.kind());
                name("kindLabel").value(f.kindLabel());
                name("gzip").value(f.gzip());
                name("records").value(f.records());
                endObject();
            }
            endArray();
        }
        name("users").value(a.users());
        name("skipped");
        if (a.skipped() == null) {
            nullValue();
        } else {
            startObject();
            name("serviceAccounts").value(a.skipped().serviceAccounts());
            name("emptyRecords").value(a.skipped().emptyRecords());
            endObject();
        }
        name("passwords");
        var p = a.passwords();
        if (p == null) {
            nullValue();
        } else {
            startObject();
            name("status").value(p.status());
            name("observedUsers").value(p.observedUsers());
            name("withPassword").value(p.withPassword());
            name("hashNotInExport").value(p.hashNotInExport());
            name("schemes").counts(p.schemes());
            name("formats").counts(p.formats());
            name("bcryptCost").counts(p.bcryptCost());
            name("parameters");
            if (p.parameters() == null) {
                nullValue();
            } else {
                startObject();
                for (var e : p.parameters().entrySet()) {
                    name(e.getKey()).counts(e.getValue());
                }
                endObject();
            }
            name("note").value(p.note());
            endObject();
        }
        name("passwordless").metric(a.passwordless());
        name("socialOnly").metric(a.socialOnly());
        name("emailVerified").metric(a.emailVerified());
        name("duplicateEmails");
        var d = a.duplicateEmails();
        if (d == null) {
            nullValue();
        } else {
            startObject();
            name("status").value(d.status());
            name("duplicates").value(d.duplicates());
            name("usersAffected").value(d.usersAffected());
            name("withoutEmail").value(d.withoutEmail());
            endObject();
        }
        name("sourceIds");
        if (a.sourceIds() == null) {
            nullValue();
        } else {
            startObject();
            name("duplicates").value(a.sourceIds().duplicates());
            name("empty").value(a.sourceIds().empty());
            endObject();
        }
        name("mfa");
        var m = a.mfa();
        if (m == null) {
            nullValue();
        } else {
            startObject();
            name("status").value(m.status());
            name("observedUsers").value(m.observedUsers());
            name("users").value(m.users());
            name("factors").counts(m.factors());
            name("totpSecretsInFile").value(m.totpSecretsInFile());
            name("note").value(m.note());
            endObject();
        }
        name("lastSignIn");
        var l = a.lastSignIn();
        if (l == null) {
            nullValue();
        } else {
            startObject();
            name("status").value(l.status());
            name("observedUsers").value(l.observedUsers());
            name("never").value(l.never());
            name("histogram");
            if (l.histogram() == null) {
                nullValue();
            } else {
                startArray();
                for (var b : l.histogram()) {
                    if (b == null) {
                        nullValue();
                        continue;
                    }
                    startObject();
                    name("label").value(b.label());
                    name("fromDays").value(b.fromDays());
                    name("toDays").value(b.toDays() == null ? null : Long.valueOf(b.toDays()));
                    name("users").value(b.users());
                    endObject();
                }
                endArray();
            }
            name("inactiveDays").value(l.inactiveDays());
            name("inactive").value(l.inactive());
            name("inactiveShare").value(l.inactiveShare());
            name("note").value(l.note());
            endObject();
        }
        name("providers");
        var pr = a.providers();
        if (pr == null) {
            nullValue();
        } else {
            startObject();
            name("status").value(pr.status());
            name("counts").counts(pr.counts());
            name("federatedUsers").value(pr.federatedUsers());
            name("note").value(pr.note());
            endObject();
        }
        name("customAttributes");
        var k = a.customAttributes();
        if (k == null) {
            nullValue();
        } else {
            startObject();
            name("status").value(k.status());
            name("keys").strings(k.keys());
            name("truncated").value(k.truncated());
            endObject();
        }
        name("tenants").metric(a.tenants());
        name("organizations").metric(a.organizations());
        name("groups").metric(a.groups());
        name("blocked").metric(a.blocked());
        name("warnings");
        if (a.warnings() == null) {
            nullValue();
        } else {
            startArray();
            for (var w : a.warnings()) {
                if (w == null) {
                    nullValue();
                    continue;
                }
                startObject();
                name("code").value(w.code());
                name("message").value(w.message());
                endObject();
            }
            endArray();
        }
        endObject();
    }

    private void metric(ExportAnalysis.@Nullable Metric metric) {
        if (metric == null) {
            nullValue();
            return;
        }
        startObject();
        name("status").value(metric.status());
        name("count").value(metric.count());
        name("observedUsers").value(metric.observedUsers());
        name("note").value(metric.note());
        endObject();
    }

    private void counts(@Nullable Map<String, Long> counts) {
        if (counts == null) {
            nullValue();
            return;
        }
        startObject();
        for (var e : counts.entrySet()) {
            name(e.getKey()).value(e.getValue());
        }
        endObject();
    }

    private void strings(@Nullable List<String> strings) {
        if (strings == null) {
            nullValue();
            return;
        }
        startArray();
        for (String s : strings) {
            value(s);
        }
        endArray();
    }

    // ---- the generator and Jackson's default pretty printer ------------------------------------------------------

    private void startObject() {
        beforeValue();
        out.append('{');
        push(true);
        nesting++;
    }

    private void endObject() {
        int n = entries[--depth];
        nesting--;
        if (pretty) {
            if (n > 0) {
                indent();
            } else {
                out.append(' ');
            }
        }
        out.append('}');
    }

    private void startArray() {
        beforeValue();
        out.append('[');
        push(false);
    }

    private void endArray() {
        depth--;
        if (pretty) {
            out.append(' ');
        }
        out.append(']');
    }

    private void push(boolean isObject) {
        object[depth] = isObject;
        entries[depth++] = 0;
    }

    private AnalysisWriter name(String name) {
        if (entries[depth - 1]++ > 0) {
            out.append(',');
        }
        if (pretty) {
            indent();
        }
        string(name == null ? "null" : name);
        out.append(pretty ? " : " : ":");
        return this;
    }

    /** Before a value in an array: the separator (a value after a name needs none). */
    private void beforeValue() {
        if (depth == 0 || object[depth - 1]) {
            return;
        }
        if (entries[depth - 1]++ > 0) {
            out.append(',');
        }
        if (pretty) {
            out.append(' ');
        }
    }

    private void indent() {
        out.append('\n');
        for (int i = 0; i < nesting; i++) {
            out.append("  ");
        }
    }

    private void nullValue() {
        beforeValue();
        out.append("null");
    }

    private void value(@Nullable String s) {
        if (s == null) {
            nullValue();
            return;
        }
        beforeValue();
        string(s);
    }

    private void value(ExportAnalysis.@Nullable Status status) {
        value(status == null ? null : status.json());
    }

    private void value(long v) {
        beforeValue();
        out.append(v);
    }

    private void value(@Nullable Long v) {
        if (v == null) {
            nullValue();
        } else {
            value(v.longValue());
        }
    }

    private void value(boolean v) {
        beforeValue();
        out.append(v);
    }

    private void value(@Nullable Double v) {
        if (v == null) {
            nullValue();
            return;
        }
        double d = v;
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            // Jackson quotes what JSON has no number for
            value(Double.toString(d));
            return;
        }
        beforeValue();
        out.append(Double.toString(d));
    }

    private void string(String s) {
        out.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                out.append(c);
                continue;
            }
            out.append('\\');
            switch (c) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '\b' -> out.append('b');
                case '\t' -> out.append('t');
                case '\n' -> out.append('n');
                case '\f' -> out.append('f');
                case '\r' -> out.append('r');
                default -> out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append('"');
    }
}
