package io.ciamportal.exports;

import io.ciamportal.shared.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;

/**
 * {@code java -jar ciam-portal.jar rehearsal-export ANALYSIS.json OUT.zip [--users N]}: rehearsal data from an
 * analysis document ({@code analyse-export --json}), with no Spring and no database. Passwords come from a
 * {@link SecureRandom}. The ZIP is written next to OUT.zip and moved into place when complete. Exit code 0 on
 * success, 1 when the analysis cannot be read or the file cannot be written, 2 on usage errors.
 */
public final class RehearsalCommand {

    static final String USAGE = """
            Usage: java -jar ciam-portal.jar rehearsal-export ANALYSIS.json OUT.zip [--users N]
              ANALYSIS.json   an analysis document (analyse-export --json)
              OUT.zip         the archive to write: the synthetic export, answer-key.csv (clear-text passwords), README.txt
              --users N       users to make up (default: the analysis's count, at most 1,000; at most %d)
            The people are made up and the passwords are throwaway; never import the result into production.
            """.formatted(RehearsalExport.MAX_USERS);

    private RehearsalCommand() {}

    public static int runCommand(String[] args) {
        // in a JVM with a heap cap far above what the command needs, run it in one with a fitting cap (Relaunch)
        var relaunched = Relaunch.ifNeeded(args);
        if (relaunched.isPresent()) {
            return relaunched.getAsInt();
        }
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path analysisFile = null;
        Path zipFile = null;
        Integer users = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                out.print(USAGE);
                return 0;
            }
            if (a.equals("--users")) {
                if (i + 1 >= args.length) {
                    return usage(err, "--users needs a number.");
                }
                try {
                    users = Integer.parseInt(args[++i].replace("_", "").replace(",", ""));
                } catch (NumberFormatException e) {
                    return usage(err, "--users takes a number of users.");
                }
                if (users < 1 || users > RehearsalExport.MAX_USERS) {
                    return usage(err, "--users is 1 to " + RehearsalExport.MAX_USERS + ".");
                }
            } else if (a.startsWith("--")) {
                return usage(err, "Unknown option " + a + ".");
            } else if (analysisFile == null) {
                analysisFile = Path.of(a);
            } else if (zipFile == null) {
                zipFile = Path.of(a);
            } else {
                return usage(err, "One analysis and one output file.");
            }
        }
        if (analysisFile == null || zipFile == null) {
            return usage(err, "Give the analysis document and the ZIP to write.");
        }
        if (!Files.isRegularFile(analysisFile)) {
            return usage(err, analysisFile + " is not a file.");
        }
        try {
            ExportAnalysis analysis;
            try (InputStream in = Files.newInputStream(analysisFile)) {
                analysis = AnalysisJson.read(in);
            }
            int n = users != null ? users : RehearsalExport.defaultUsers(analysis);
            Path target = zipFile.toAbsolutePath();
            Path dir = target.getParent() == null ? Path.of(".") : target.getParent();
            Path temp = Files.createTempFile(dir, ".rehearsal-", ".zip.part");
            RehearsalExport.Result result;
            try {
                long start = System.nanoTime();
                try (OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                    result = RehearsalExport.write(analysis, n, new SecureRandom(), o);
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                out.printf("Wrote %s: %d made-up %s users in %.1f s%n", zipFile, result.users(), analysis.platformName(),
                        (System.nanoTime() - start) / 1e9);
            } finally {
                Files.deleteIfExists(temp);
            }
            result.files().forEach(f -> out.println("  " + f));
            result.notes().stream().distinct().forEach(note -> out.println("Note: " + note));
            out.println("answer-key.csv holds the passwords in clear text: keep the archive to the rehearsal and delete it afterwards.");
            return 0;
        } catch (InvalidInputException e) {
            err.println("Cannot make rehearsal data: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("Cannot read or write a file: " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream err, String message) {
        err.println(message);
        err.print(USAGE);
        return 2;
    }
}
