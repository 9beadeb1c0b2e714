package io.ciamportal.exports;

import io.ciamportal.shared.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar ciam-portal.jar analyse-export [--platform P] [--json] [--map field=column,...] [--scheme S]
 * [--inactive-days N] FILE...}: the analyser with no Spring and no database, so a team can count its export on its
 * own machine and upload only the document ({@code --json}), which is exactly what the API returns. Exit code 0 on
 * success, 1 when a file cannot be read or analysed, 2 on usage errors, 3 when the analyser itself fails (a message,
 * never a stack trace).
 */
public final class ExportCommand {

    static final String USAGE = """
            Usage: java -jar ciam-portal.jar analyse-export [options] FILE...
              --platform P        the export's platform (default: detected from the content):
                                  %s
              --json              print the analysis document (what the portal's API returns; upload it to a migration)
              --map F=COL,...     for an in-house export: which column holds each field (%s)
              --scheme S          for an in-house export of raw digests: their scheme (md5, sha1, sha256, ...)
              --inactive-days N   a user is inactive after N days without a sign-in (default 90)
            """;

    private ExportCommand() {}

    /** The analyser's own jar starts here (JarMain, {@code ciam-portal-analyser.jar}). */
    public static void main(String[] args) {
        System.exit(runCommand(args));
    }

    public static int runCommand(String[] args) {
        // in a JVM with a heap cap far above what the command needs, run it in one with a fitting cap (Relaunch)
        var relaunched = Relaunch.ifNeeded(args);
        if (relaunched.isPresent()) {
            return relaunched.getAsInt();
        }
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Platform platform = null;
        boolean json = false;
        Map<String, String> mapping = new LinkedHashMap<>();
        String scheme = null;
        int inactiveDays = AnalysisOptions.DEFAULT_INACTIVE_DAYS;
        List<Path> files = new ArrayList<>();
        try {
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--platform" -> {
                        String p = value(args, ++i, a);
                        platform = Platform.byId(p).orElseThrow(() -> new UsageException("Unknown platform " + p + "."));
                    }
                    case "--json" -> json = true;
                    case "--map" -> {
                        for (String pair : value(args, ++i, a).split(",")) {
                            int eq = pair.indexOf('=');
                            if (eq <= 0) {
                                throw new UsageException("--map takes field=column pairs, e.g. --map email=mail,password=pw_hash");
                            }
                            mapping.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                        }
                    }
                    case "--scheme" -> scheme = value(args, ++i, a);
                    case "--inactive-days" -> {
                        String n = value(args, ++i, a);
                        try {
                            inactiveDays = Integer.parseInt(n);
                        } catch (NumberFormatException e) {
                            throw new UsageException("--inactive-days takes a number of days");
                        }
                    }
                    case "-h", "--help" -> {
                        out.print(usage());
                        return 0;
                    }
                    default -> {
                        if (a.startsWith("--")) {
                            throw new UsageException("Unknown option " + a + ".");
                        }
                        Path file = Path.of(a);
                        if (!Files.isRegularFile(file)) {
                            throw new UsageException(a + " is not a file.");
                        }
                        files.add(file);
                    }
                }
            }
            if (files.isEmpty()) {
                throw new UsageException("Give at least one export file.");
            }
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.print(usage());
            return 2;
        }
        try {
            var options = new AnalysisOptions(platform, mapping, scheme, inactiveDays, Instant.now());
            var analyser = new ExportAnalyser(options, ExportLimits.defaults());
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    analyser.add(file.getFileName().toString(), in);
                }
            }
            var analysis = analyser.finish();
            out.println(json ? AnalysisJson.writePretty(analysis) : AnalysisText.render(analysis));
            return 0;
        } catch (InvalidInputException e) {
            err.println("Cannot analyse: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("Cannot read a file: " + e.getMessage());
            return 1;
        } catch (java.io.UncheckedIOException e) {
            // the temporary runs of duplicate detection (a full or read-only temporary directory)
            err.println("Cannot analyse: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // a fault of the analyser, not of the file: no stack trace (its messages may quote the file), just its kind
            err.println("Cannot analyse: the analyser failed (" + e.getClass().getSimpleName() + "); nothing was kept. "
                    + "Please report it with the command line, not the file.");
            return 3;
        }
    }

    private static String usage() {
        return USAGE.formatted(String.join(", ", java.util.Arrays.stream(Platform.values()).map(Platform::id).toList()),
                String.join(", ", io.ciamportal.exports.GenericFields.names()));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value.");
        }
        return args[i];
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
