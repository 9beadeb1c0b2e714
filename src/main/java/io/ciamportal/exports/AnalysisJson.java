package io.ciamportal.exports;

import io.ciamportal.exports.internal.Names;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analysis document as JSON: one writer for the command line, the API and the database, so
 * {@code analyse-export --json} prints exactly what the API returns; and a strict reader for a document uploaded
 * instead of a raw export (its format is checked, its names cleaned again, its counts bounded).
 */
public final class AnalysisJson {

    /** Built on first read (building it loads some 900 classes; the command line only writes). */
    private static final class Mapper {
        static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(1 << 20).build()).build())
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    private AnalysisJson() {}

    /** The document as the API returns and the database keeps it ({@link AnalysisWriter}: what data binding writes). */
    public static String write(ExportAnalysis analysis) {
        return AnalysisWriter.write(analysis, false);
    }

    /** The same, indented (the command line's {@code --json}). */
    public static String writePretty(ExportAnalysis analysis) {
        return AnalysisWriter.write(analysis, true);
    }

    /** The document as data binding writes it, which {@link #write} matches (tests compare the two). */
    static String writeWithMapper(ExportAnalysis analysis, boolean pretty) {
        return pretty ? Mapper.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(analysis)
                : Mapper.MAPPER.writeValueAsString(analysis);
    }

    /** True when the bytes start like an analysis document rather than an export. */
    public static boolean looksLikeAnalysis(byte[] prefix) {
        String head = new String(prefix, 0, Math.min(prefix.length, 4096), java.nio.charset.StandardCharsets.UTF_8);
        return head.stripLeading().startsWith("{") && head.contains("\"" + ExportAnalysis.FORMAT + "\"");
    }

    /** Reads an uploaded document; anything that is not a valid analysis of this version is refused. */
    public static ExportAnalysis read(InputStream in) {
        ExportAnalysis a;
        try {
            a = Mapper.MAPPER.readValue(new io.ciamportal.exports.internal.BoundedInput(in, MAX_BYTES), ExportAnalysis.class);
        } catch (JacksonException e) {
            if (e.getCause() instanceof java.io.IOException) {
                throw new ExportFormatException("Not a valid export analysis document: it could not be read to its end (at most "
                        + (MAX_BYTES >> 20) + " MB).");
            }
            var location = e.getLocation();
            throw new ExportFormatException("Not a valid export analysis document (" + e.getClass().getSimpleName().replace("Exception", "")
                    + (location == null ? "" : " at line " + location.getLineNr()) + ").");
        }
        if (a == null || !ExportAnalysis.FORMAT.equals(a.format())) {
            throw new ExportFormatException("Not an export analysis document: its format is not " + ExportAnalysis.FORMAT + ".");
        }
        if (a.version() != ExportAnalysis.VERSION) {
            throw new ExportFormatException("This analysis is version " + a.version() + "; the portal reads version " + ExportAnalysis.VERSION
                    + ". Run analyse-export of this portal's version.");
        }
        if (a.platform() == null) {
            throw new ExportFormatException("The analysis document is incomplete: it names no platform.");
        }
        if (Platform.byId(a.platform()).isEmpty()) {
            // not echoed: whatever the upload holds stays out of messages and logs
            throw new ExportFormatException("The analysis names a platform this portal does not know.");
        }
        if (a.users() < 0 || a.users() > 10_000_000_000L || !complete(a)) {
            throw new ExportFormatException("The analysis document is incomplete or its counts are out of range.");
        }
        for (var f : a.files()) {
            if (f.sha256() == null || !f.sha256().matches("[0-9a-f]{64}") || f.bytes() < 0) {
                throw new ExportFormatException("The analysis names a file without a valid SHA-256.");
            }
        }
        return clean(a);
    }

    private static final long MAX_BYTES = 8L << 20;

    /**
     * Every part the portal reads is there: a document is checked to the leaves (a list element or a map value may be
     * null in JSON, not in the analysis), so what passes can be cleaned, stored and rendered without surprises.
     */
    @SuppressWarnings("ConstantValue")
    private static boolean complete(ExportAnalysis a) {
        return a.analysedAt() != null && a.files() != null && !a.files().isEmpty()
                && a.files().stream().allMatch(f -> f != null && f.name() != null && f.kind() != null && f.kindLabel() != null)
                && a.skipped() != null && a.sourceIds() != null
                && a.passwords() != null && a.passwords().status() != null && values(a.passwords().schemes())
                && values(a.passwords().formats()) && values(a.passwords().bcryptCost()) && a.passwords().parameters() != null
                && a.passwords().parameters().values().stream().allMatch(AnalysisJson::values)
                && metrics(a.passwordless(), a.socialOnly(), a.emailVerified(), a.tenants(), a.organizations(), a.groups(), a.blocked())
                && a.duplicateEmails() != null && a.duplicateEmails().status() != null
                && a.mfa() != null && a.mfa().status() != null && values(a.mfa().factors())
                && a.lastSignIn() != null && a.lastSignIn().status() != null && a.lastSignIn().histogram() != null
                && a.lastSignIn().histogram().stream().allMatch(b -> b != null && b.label() != null)
                && a.providers() != null && a.providers().status() != null && values(a.providers().counts())
                && a.customAttributes() != null && a.customAttributes().status() != null && a.customAttributes().keys() != null
                && a.customAttributes().keys().stream().allMatch(java.util.Objects::nonNull)
                && a.warnings() != null && a.warnings().stream().allMatch(w -> w != null && w.code() != null && w.message() != null);
    }

    @SuppressWarnings("ConstantValue")
    private static boolean values(@org.jspecify.annotations.Nullable Map<String, ?> map) {
        return map != null && map.values().stream().allMatch(java.util.Objects::nonNull);
    }

    @SuppressWarnings("ConstantValue")
    private static boolean metrics(ExportAnalysis.Metric... metrics) {
        return java.util.Arrays.stream(metrics).allMatch(m -> m != null && m.status() != null);
    }

    /** Names from an uploaded document are cleaned as the analyser cleans them. */
    private static ExportAnalysis clean(ExportAnalysis a) {
        var providers = new LinkedHashMap<String, Long>();
        a.providers().counts().forEach((k, v) -> {
            if (providers.size() < 200) {
                providers.put(Names.safe(k), Math.max(0, v));
            }
        });
        List<String> keys = a.customAttributes().keys().stream().limit(500).map(Names::safe).toList();
        var files = a.files().stream().limit(200).map(f -> new ExportAnalysis.FileInfo(Names.safe(f.name()), f.bytes(), f.sha256(),
                Names.safe(f.kind()), Names.safe(f.kindLabel()), f.gzip(), f.records())).toList();
        var warnings = a.warnings().stream().limit(50).map(w -> new ExportAnalysis.Warning(Names.safe(w.code()), shorten(w.message()))).toList();
        Map<String, Long> schemes = new LinkedHashMap<>();
        a.passwords().schemes().forEach((k, v) -> schemes.put(Names.safe(k), v));
        var passwords = new ExportAnalysis.Passwords(a.passwords().status(), a.passwords().observedUsers(), a.passwords().withPassword(),
                Math.max(0, a.passwords().hashNotInExport()), schemes, a.passwords().formats(), a.passwords().bcryptCost(), a.passwords().parameters(), a.passwords().note());
        return new ExportAnalysis(a.format(), a.version(), a.platform(), Platform.byId(a.platform()).orElseThrow().label(), a.platformForced(),
                a.analysedAt(), files, a.users(), a.skipped(), passwords, a.passwordless(), a.socialOnly(), a.emailVerified(), a.duplicateEmails(),
                a.sourceIds(), a.mfa(), a.lastSignIn(), new ExportAnalysis.Providers(a.providers().status(), providers,
                a.providers().federatedUsers(), a.providers().note()), new ExportAnalysis.Keys(a.customAttributes().status(), keys,
                a.customAttributes().truncated()), a.tenants(), a.organizations(), a.groups(), a.blocked(), warnings);
    }

    private static String shorten(String s) {
        String clean = s.codePoints().filter(c -> !Character.isISOControl(c)).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append).toString();
        return clean.length() > 500 ? clean.substring(0, 500) : clean;
    }
}
