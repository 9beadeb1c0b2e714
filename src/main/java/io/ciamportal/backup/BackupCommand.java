package io.ciamportal.backup;

import io.ciamportal.backup.internal.CommandDatabase;
import io.ciamportal.backup.internal.DatabaseBackup;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;

/**
 * {@code backup FILE [--force]} and {@code restore FILE}: the offline commands of the jar, on the database the portal
 * would use with the same environment ({@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD}, or the embedded one under
 * {@code PORTAL_DATA_DIR}). No Spring context, no web server.
 */
public final class BackupCommand {

    static final String USAGE = """
            Usage: java -jar ciam-portal.jar backup FILE [--force] [--data-dir DIR]
                   java -jar ciam-portal.jar restore FILE [--data-dir DIR]
              backup   writes every table, the audit log included, to FILE (a zip with a manifest of checksums).
                       Safe while the portal runs on an external database (DB_URL); stop the portal first when it
                       uses the embedded one. --force replaces an existing FILE.
              restore  loads FILE into an empty database (a new PORTAL_DATA_DIR or an empty DB_URL database), in one
                       transaction, and verifies the audit chain before it commits.
              The database is the one the portal would use: DB_URL, DB_USER, DB_PASSWORD, or the embedded PostgreSQL
              under PORTAL_DATA_DIR (default ./portal-data); --data-dir overrides PORTAL_DATA_DIR.
            """;

    private BackupCommand() {}

    public static int runCommand(String[] args) {
        quietLogs();
        return run(args, System.getenv(), System.out, System.err);
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length < 2 || args[1].startsWith("--")) {
            err.print(USAGE);
            return 2;
        }
        String command = args[0];
        Path file = Path.of(args[1]);
        boolean force = false;
        String dataDir = env.getOrDefault("PORTAL_DATA_DIR", "./portal-data");
        var rest = new ArrayList<String>();
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--force" -> force = true;
                case "--data-dir" -> {
                    if (i + 1 >= args.length) {
                        err.println("--data-dir needs a directory.");
                        return 2;
                    }
                    dataDir = args[++i];
                }
                default -> rest.add(args[i]);
            }
        }
        if (!rest.isEmpty() || !(command.equals("backup") || command.equals("restore"))) {
            err.println("Unknown argument(s): " + String.join(" ", rest));
            err.print(USAGE);
            return 2;
        }
        long started = System.nanoTime();
        try {
            if (command.equals("backup")) {
                if (Files.exists(file) && !force) {
                    err.println(file + " exists: pass --force to replace it.");
                    return 2;
                }
                try (var db = CommandDatabase.open(env, Path.of(dataDir), false)) {
                    Path parent = file.toAbsolutePath().getParent();
                    Files.createDirectories(parent);
                    Path partial = Files.createTempFile(parent, ".backup-", ".partial");
                    BackupManifest manifest;
                    try {
                        try (OutputStream o = Files.newOutputStream(partial)) {
                            manifest = DatabaseBackup.backup(db.dataSource(), o);
                        }
                        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } finally {
                        Files.deleteIfExists(partial);
                    }
                    out.printf(Locale.ENGLISH, "Backed up %d tables, %,d rows (schema version %s, %s) to %s, %,d bytes, in %.1f s.%n",
                            manifest.tables().size(), manifest.rows(), manifest.schemaVersion(), db.description(), file, Files.size(file),
                            (System.nanoTime() - started) / 1e9);
                }
            } else {
                if (!Files.isRegularFile(file)) {
                    err.println(file + " does not exist or is not a file.");
                    return 2;
                }
                try (var db = CommandDatabase.open(env, Path.of(dataDir), true)) {
                    var manifest = DatabaseBackup.restore(db.dataSource(), file);
                    out.printf(Locale.ENGLISH, "Restored %d tables, %,d rows (schema version %s, backed up %s) into %s in %.1f s; "
                            + "every table matched its checksum and the audit chain verified. Start the portal on it to migrate "
                            + "the schema to this version.%n", manifest.tables().size(), manifest.rows(), manifest.schemaVersion(),
                            manifest.createdAt(), db.description(), (System.nanoTime() - started) / 1e9);
                }
            }
            return 0;
        } catch (BackupException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("Could not " + command + ": " + e.getMessage());
            return 1;
        }
    }

    private static void quietLogs() {
        var root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }
}
