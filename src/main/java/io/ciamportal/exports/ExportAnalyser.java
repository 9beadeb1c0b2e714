package io.ciamportal.exports;

import io.ciamportal.exports.internal.ExportStream;
import io.ciamportal.exports.internal.FileKind;
import io.ciamportal.exports.internal.Keyed;
import io.ciamportal.exports.internal.Kinds;
import io.ciamportal.exports.internal.Session;
import io.ciamportal.exports.internal.Sniff;
import io.ciamportal.exports.internal.Tally;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Analyses a user export of one or more files, one pass each, streaming: {@link #add} each file as it arrives (in
 * any order: an Auth0 password-hash file joins its export job by email at the end), then {@link #finish}. Files of
 * two platforms, a file of another platform than the one named, an empty or broken file: an
 * {@link ExportFormatException} saying which file and where, and the analysis is void. Keeps counts and 64-bit
 * keyed values only; the key is random per analysis and dies with it. Not thread-safe; one per analysis.
 */
public final class ExportAnalyser {

    private final AnalysisOptions options;
    private final ExportLimits limits;
    private final Tally tally;
    private final Session session;
    private final List<ExportAnalysis.FileInfo> files = new ArrayList<>();
    private final LinkedHashSet<FileKind> kinds = new LinkedHashSet<>();
    private @Nullable Platform platform;
    /** the file the platform was detected in, when it was not chosen */
    private @Nullable String detectedIn;
    /** the file that could not be read: the analysis is void after it */
    private @Nullable String failedFile;
    private boolean finished;

    public ExportAnalyser(AnalysisOptions options, ExportLimits limits) {
        this(options, limits, io.ciamportal.exports.internal.SpillFiles.DEFAULT_KEYS_IN_MEMORY);
    }

    /**
     * An analyser whose duplicate detection keeps at most {@code keysInMemory} keyed values a table in memory and
     * writes sorted runs of them to temporary files above (tests force a few to check the runs give the same answers).
     */
    ExportAnalyser(AnalysisOptions options, ExportLimits limits, int keysInMemory) {
        this.options = options;
        this.limits = limits;
        this.tally = new Tally(new Keyed(), options.asOf(), options.inactiveDays(), keysInMemory);
        this.session = new Session(tally, options.mapping(), options.schemeHint());
        this.platform = options.platform();
    }

    /**
     * Also fingerprints every source id (32 bits, keyed with the caller's key) so a later export of the same platform can
     * be compared by counts of users added and removed. Call before the first {@link #add}.
     */
    public void fingerprintIds(long k0, long k1) {
        tally.collectFingerprints(new Keyed(k0, k1));
    }

    /** Temporary runs of keyed values written so far (tests: the path above the in-memory limit was taken). */
    int spilledRuns() {
        return tally.spilledRuns();
    }

    /** The sorted id fingerprints of a finished analysis (empty unless {@link #fingerprintIds} was called). */
    public int[] idFingerprints() {
        return tally.fingerprints();
    }

    /** The first platform read so far (detected or named), or null before the first file. */
    public @Nullable Platform platform() {
        return platform;
    }

    /**
     * Reads one file to its end. The stream is read, not closed. After a file fails, the analysis is void: a further
     * {@code add} or {@link #finish} is a programming error ({@link IllegalStateException}).
     */
    public ExportAnalysis.FileInfo add(String fileName, InputStream content) {
        if (finished) {
            throw new IllegalStateException("finished");
        }
        if (failedFile != null) {
            throw new IllegalStateException("The analysis is void: " + failedFile + " could not be read.");
        }
        if (files.size() >= limits.maxFiles()) {
            throw new ExportFormatException("At most " + limits.maxFiles() + " files make one export (portal.exports.max-files).");
        }
        String name = safeName(fileName);
        try {
            return read(name, content);
        } catch (RuntimeException e) {
            failedFile = name;
            tally.close();
            throw symbolFlood(name, e);
        }
    }

    /**
     * Jackson's guard against names crafted to collide in its symbol table (a denial of service) throws a plain
     * {@link IllegalStateException}, not one of its stream limits: that is a file to refuse with a message too, not a
     * failure of the analyser. Anything else is given back as it is.
     */
    static RuntimeException symbolFlood(String name, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalStateException && t.getStackTrace().length > 0
                    && t.getStackTrace()[0].getClassName().startsWith("tools.jackson.core.sym.")) {
                return new ExportFormatException(name + ": too many property names that collide in the JSON parser's "
                        + "symbol table (a crafted file?); nothing was kept.");
            }
        }
        return e;
    }

    private ExportAnalysis.FileInfo read(String name, InputStream content) {
        var stream = new ExportStream(name, content, limits);
        byte[] prefix = stream.prefix();
        if (prefix.length == 0 || new String(prefix, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new ExportFormatException(name + ": the file is empty.");
        }
        FileKind kind = choose(stream, Sniff.of(stream.prefixText()));
        long records;
        try {
            records = kind.read(stream, session);
        } catch (ExportFormatException e) {
            // every message names the file, even when a reader only knew "the CSV"
            if (e.getMessage() != null && e.getMessage().startsWith(name)) {
                throw e;
            }
            throw new ExportFormatException(name + ": " + e.getMessage());
        }
        stream.drain();
        kinds.add(kind);
        var info = new ExportAnalysis.FileInfo(name, stream.fileBytes(), stream.sha256(), kind.id(), kind.label(), stream.gzip(), records);
        files.add(info);
        return info;
    }

    private FileKind choose(ExportStream stream, Sniff sniff) {
        var ranked = Kinds.rank(sniff);
        var best = ranked.stream().filter(Kinds.Scored::confident).findFirst();
        if (platform != null) {
            Platform wanted = platform;
            boolean chosen = options.platform() == wanted;
            String where = chosen ? "chosen" : "detected in " + detectedIn;
            if (best.isPresent() && best.get().kind().platform() != wanted && best.get().kind().platform() != Platform.GENERIC
                    && Kinds.bestOf(wanted, sniff).map(k -> k.sniff(sniff) < best.get().score() / 2).orElse(true)) {
                throw new ExportFormatException(stream.name() + " looks like " + best.get().kind().label() + ", not " + wanted.label()
                        + " as " + where + (chosen ? ": choose the right platform, or let the portal detect it."
                        : ": one analysis reads one platform's export (mixed platforms)."));
            }
            var own = Kinds.bestOf(wanted, sniff);
            if (own.isEmpty() && !chosen) {
                // a detected platform is not a licence to read any file as its own: only a chosen one falls back
                throw new ExportFormatException(stream.name() + " is not recognised as a file of " + wanted.label() + " (" + where
                        + "): one analysis reads one platform's export (mixed platforms).");
            }
            return own.or(() -> Kinds.anyOf(wanted, sniff.json()))
                    .orElseThrow(() -> new ExportFormatException(stream.name() + ": no " + wanted.label() + " file reads as "
                            + (sniff.json() ? "JSON" : "CSV") + "."));
        }
        if (best.isEmpty()) {
            var generic = ranked.stream().filter(s -> s.kind().platform() == Platform.GENERIC).findFirst();
            if (generic.isPresent()) {
                platform = Platform.GENERIC;
                detectedIn = stream.name();
                return generic.get().kind();
            }
            throw new ExportFormatException(stream.name() + ": not recognised as a user export of a known platform"
                    + (sniff.json() ? " (JSON)" : " (not JSON; read as CSV)") + ". Choose the platform, or read it as an in-house export "
                    + "with a column mapping.");
        }
        platform = best.get().kind().platform();
        detectedIn = stream.name();
        return best.get().kind();
    }

    /** Checks across files, and the document. */
    public ExportAnalysis finish() {
        if (failedFile != null) {
            throw new IllegalStateException("The analysis is void: " + failedFile + " could not be read.");
        }
        if (files.isEmpty()) {
            throw new ExportFormatException("No file to analyse.");
        }
        finished = true;
        try {
            Map<String, String> notes = new LinkedHashMap<>();
            for (FileKind kind : kinds) {
                kind.finish(session);
                kind.notes().forEach(notes::putIfAbsent);
            }
            Platform p = platform == null ? Platform.GENERIC : platform;
            return tally.finish(p.id(), p.label(), options.platform() != null, files, notes);
        } finally {
            tally.close();
        }
    }

    /** Analyses files in one go (the command line and tests). */
    public static ExportAnalysis analyse(AnalysisOptions options, ExportLimits limits, Map<String, InputStream> files) {
        var analyser = new ExportAnalyser(options, limits);
        files.forEach(analyser::add);
        return analyser.finish();
    }

    /** A file name as shown: the last path segment, without control characters, at most 200 characters. */
    static String safeName(@Nullable String fileName) {
        String n = fileName == null ? "" : fileName;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        n = n.codePoints().filter(c -> !Character.isISOControl(c)).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append).toString().strip();
        if (n.length() > 200) {
            n = n.substring(0, 200);
        }
        return n.isEmpty() ? "export" : n;
    }
}
