package io.ciamportal.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.backup.internal.DatabaseBackup;
import io.ciamportal.testsupport.PortalTestBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Backup of the running portal's database (demo migrations, gates, sign-offs, the audit log) and restore through the
 * {@code restore} command into a new embedded database: the restored data is identical table by table, the audit
 * chain verifies, and a damaged or forged file, or a database that already holds data, changes nothing.
 */
@Tag("integration")
class BackupRestoreIntegrationTest extends PortalTestBase {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void aBackupRestoresIdenticallyIntoAnEmptyDatabase() throws IOException {
        assertThat(jdbc.sql("SELECT count(*) FROM gate_sign_off").query(Long.class).single()).as("demo sign-offs").isPositive();
        Path file = dir.resolve("portal.backup");
        BackupManifest original;
        try (OutputStream out = Files.newOutputStream(file)) {
            original = DatabaseBackup.backup(dataSource, out);
        }
        assertThat(original.tables()).extracting(BackupManifest.TableState::name)
                .contains("audit_entry", "migration", "gate", "gate_sign_off", "portal_user", "plan_item")
                .doesNotContain("flyway_schema_history");
        assertThat(original.tables().stream().filter(t -> t.name().equals("portal_user")).findFirst().orElseThrow().rows()).isPositive();

        Path restoredDir = dir.resolve("restored");
        var restore = run("restore", file.toString(), "--data-dir", restoredDir.toString());
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Restored " + original.tables().size() + " tables").contains("audit chain verified");

        Path again = dir.resolve("again.backup");
        var backup = run("backup", again.toString(), "--data-dir", restoredDir.toString());
        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(manifest(again).fingerprint()).as("every table, row for row").isEqualTo(original.fingerprint());
        assertThat(manifest(again).sequences()).isEqualTo(original.sequences());

        // a second restore would overwrite: refused, and the data stays as it was
        var twice = run("restore", file.toString(), "--data-dir", restoredDir.toString());
        assertThat(twice.code()).isEqualTo(1);
        assertThat(twice.err()).contains("already holds data").contains("Nothing was written");
        var after = run("backup", dir.resolve("after.backup").toString(), "--data-dir", restoredDir.toString());
        assertThat(after.code()).isZero();
        assertThat(manifest(dir.resolve("after.backup")).fingerprint()).isEqualTo(original.fingerprint());
        // an existing backup file is not replaced without --force
        assertThat(run("backup", again.toString(), "--data-dir", restoredDir.toString()).err()).contains("--force");
    }

    @Test
    void aDamagedOrForgedBackupRestoresNothing() throws IOException {
        Path file = dir.resolve("portal.backup");
        try (OutputStream out = Files.newOutputStream(file)) {
            DatabaseBackup.backup(dataSource, out);
        }
        // one changed byte in the audit log's data: the checksum no longer matches
        Path damaged = rewrite(file, dir.resolve("damaged.backup"), false);
        var result = run("restore", damaged.toString(), "--data-dir", dir.resolve("d1").toString());
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("audit_entry").contains("does not match its manifest");
        assertThat(countUsers(dir.resolve("d1"))).isZero();

        // the same change with the manifest's checksum forged to match: the audit chain catches it
        Path forged = rewrite(file, dir.resolve("forged.backup"), true);
        var forgedResult = run("restore", forged.toString(), "--data-dir", dir.resolve("d2").toString());
        assertThat(forgedResult.code()).isEqualTo(1);
        assertThat(forgedResult.err()).contains("audit chain does not verify");
        assertThat(countUsers(dir.resolve("d2"))).isZero();

        Path notABackup = Files.writeString(dir.resolve("notes.txt"), "hello");
        var wrong = run("restore", notABackup.toString(), "--data-dir", dir.resolve("d3").toString());
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.err()).contains("not a portal backup");
        assertThat(run("restore").code()).isEqualTo(2);
    }

    /** Copies a backup, changing one actor name in the audit log's CSV (and the manifest's checksum when forging). */
    private static Path rewrite(Path from, Path to, boolean forgeChecksum) throws IOException {
        try (var zip = new ZipFile(from.toFile()); var out = new ZipOutputStream(Files.newOutputStream(to))) {
            var manifest = DatabaseBackup.manifest(zip);
            var audit = manifest.tables().stream().filter(t -> t.name().equals("audit_entry")).findFirst().orElseThrow();
            byte[] changed = null;
            for (var e : java.util.Collections.list(zip.entries())) {
                byte[] bytes = zip.getInputStream(e).readAllBytes();
                if (e.getName().equals(audit.entry())) {
                    String csv = new String(bytes, StandardCharsets.UTF_8);
                    int line = csv.indexOf('\n') + 1;
                    int secondLine = csv.indexOf('\n', line) + 1;
                    // the actor name of the second entry, the fourth column
                    String row = csv.substring(secondLine, csv.indexOf('\n', secondLine));
                    String[] cells = row.split(",", -1);
                    cells[3] = cells[3].startsWith("\"") ? "\"Mallory\"" : "Mallory";
                    csv = csv.substring(0, secondLine) + String.join(",", cells) + csv.substring(csv.indexOf('\n', secondLine));
                    bytes = changed = csv.getBytes(StandardCharsets.UTF_8);
                }
                if (e.getName().equals("manifest.json") && forgeChecksum) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
            if (forgeChecksum) {
                String sum = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(changed));
                var tables = manifest.tables().stream().map(t -> t.name().equals("audit_entry")
                        ? new BackupManifest.TableState(t.name(), t.entry(), t.columns(), t.rows(), sum) : t).toList();
                var forged = new BackupManifest(manifest.format(), manifest.version(), manifest.createdAt(), manifest.schemaVersion(),
                        manifest.server(), tables, manifest.sequences());
                out.putNextEntry(new ZipEntry("manifest.json"));
                out.write(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsBytes(forged));
                out.closeEntry();
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return to;
    }

    private static long countUsers(Path dataDir) throws IOException {
        try (var db = io.ciamportal.backup.internal.CommandDatabase.open(Map.of(), dataDir, true)) {
            var jdbc = JdbcClient.create(db.dataSource());
            boolean exists = jdbc.sql("SELECT to_regclass('portal_user') IS NOT NULL").query(Boolean.class).single();
            return exists ? jdbc.sql("SELECT count(*) FROM portal_user").query(Long.class).single()
                    + jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single() : 0;
        }
    }

    private static BackupManifest manifest(Path file) throws IOException {
        try (var zip = new ZipFile(file.toFile())) {
            return DatabaseBackup.manifest(zip);
        }
    }

    record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = BackupCommand.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
