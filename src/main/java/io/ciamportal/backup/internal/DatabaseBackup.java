package io.ciamportal.backup.internal;

import io.ciamportal.audit.AuditEntry;
import io.ciamportal.audit.AuditOutcome;
import io.ciamportal.audit.ChainVerifier;
import io.ciamportal.backup.BackupException;
import io.ciamportal.backup.BackupManifest;
import io.ciamportal.backup.BackupManifest.SequenceState;
import io.ciamportal.backup.BackupManifest.TableState;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import tools.jackson.databind.json.JsonMapper;

/**
 * A logical backup of the portal's database over JDBC, with no PostgreSQL client tools: every table of the schema
 * (Flyway's history aside) as CSV through {@code COPY}, in primary-key order, with a manifest of the schema version,
 * row counts, SHA-256 of each table's data and the sequences. One consistent snapshot (a read-only repeatable-read
 * transaction), so it is safe while the portal runs on an external database.
 *
 * <p>A restore goes into an empty database only (the audit log is append-only: nothing may be overwritten): Flyway
 * builds the schema of the backup's version, every table is loaded in foreign-key order inside one transaction, each
 * table's rows and checksum must match the manifest, the audit chain is verified entry by entry (the database's own
 * trigger checks every link as it loads, then every hash is recomputed), and only then is it committed.
 */
public final class DatabaseBackup {

    static final String MANIFEST = "manifest.json";
    private static final String HISTORY = "flyway_schema_history";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DatabaseBackup() {}

    /** Writes the backup as a zip to {@code out}; returns its manifest. */
    public static BackupManifest backup(DataSource dataSource, OutputStream out) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                session(c);
                String schemaVersion = schemaVersion(c);
                if (schemaVersion == null) {
                    throw new BackupException("The database has no portal schema yet: nothing to back up.");
                }
                var tables = new ArrayList<TableState>();
                try (var zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                    int n = 0;
                    for (Table t : tablesInLoadOrder(c)) {
                        String entry = String.format("tables/%03d-%s.csv", ++n, t.name());
                        zip.putNextEntry(new ZipEntry(entry));
                        var digest = sha256();
                        var sink = new DigestOutputStream(new KeepOpen(zip), digest);
                        long rows = copy(c).copyOut("COPY (SELECT " + t.columnList() + " FROM " + quote(t.name()) + " ORDER BY "
                                + t.orderBy() + ") TO STDOUT WITH (FORMAT csv, HEADER true)", sink);
                        sink.flush();
                        zip.closeEntry();
                        tables.add(new TableState(t.name(), entry, t.columns(), rows, HexFormat.of().formatHex(digest.digest())));
                    }
                    var manifest = new BackupManifest(BackupManifest.FORMAT, BackupManifest.VERSION, Instant.now().toString(),
                            schemaVersion, serverVersion(c), tables, sequences(c));
                    zip.putNextEntry(new ZipEntry(MANIFEST));
                    zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                    zip.closeEntry();
                    c.commit();
                    return manifest;
                }
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
            }
        } catch (SQLException e) {
            throw new BackupException("The database refused the backup: " + e.getMessage(), e);
        }
    }

    /** Restores {@code file} into the empty database behind {@code dataSource}; nothing is written unless it all checks. */
    public static BackupManifest restore(DataSource dataSource, Path file) throws IOException {
        try (var zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            var manifest = manifest(zip);
            migrateTo(dataSource, manifest.schemaVersion());
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    session(c);
                    requireEmpty(c);
                    var present = new LinkedHashMap<String, Table>();
                    tablesInLoadOrder(c).forEach(t -> present.put(t.name(), t));
                    var expected = new TreeSet<>(manifest.tables().stream().map(TableState::name).toList());
                    if (!expected.equals(new TreeSet<>(present.keySet()))) {
                        throw new BackupException("The backup's tables do not match the schema of version " + manifest.schemaVersion()
                                + " here: the file was not made by this portal, or it was changed.");
                    }
                    // rows the schema's own migrations seed (none today that survive an empty start, but be exact)
                    for (Table t : new ArrayList<>(present.values()).reversed()) {
                        try (Statement s = c.createStatement()) {
                            s.execute("DELETE FROM " + quote(t.name()));
                        }
                    }
                    var byName = new TreeMap<String, TableState>();
                    manifest.tables().forEach(t -> byName.put(t.name(), t));
                    for (Table t : present.values()) {
                        load(c, zip, t, byName.get(t.name()));
                    }
                    for (SequenceState s : manifest.sequences()) {
                        try (PreparedStatement ps = c.prepareStatement("SELECT setval(?::regclass, ?, ?)")) {
                            ps.setString(1, quote(s.name()));
                            ps.setLong(2, s.lastValue());
                            ps.setBoolean(3, s.called());
                            ps.execute();
                        }
                    }
                    verifyAuditChain(c);
                    c.commit();
                    return manifest;
                } catch (SQLException | RuntimeException | IOException e) {
                    c.rollback();
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new BackupException("The database refused the restore, nothing was written: " + e.getMessage(), e);
        } catch (java.util.zip.ZipException e) {
            throw new BackupException(file.getFileName() + " is not a portal backup (not a zip file).", e);
        }
    }

    /** The manifest of a backup file, checked for its format. */
    public static BackupManifest manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            throw new BackupException("Not a portal backup: it has no " + MANIFEST + ".");
        }
        if (entry.getSize() > 4 << 20) {
            throw new BackupException("The backup's manifest is larger than 4 MB: not a portal backup.");
        }
        BackupManifest manifest;
        try (var in = zip.getInputStream(entry)) {
            manifest = JSON.readValue(in.readNBytes(4 << 20), BackupManifest.class);
        } catch (tools.jackson.core.JacksonException e) {
            throw new BackupException("The backup's manifest is not valid: " + e.getOriginalMessage(), e);
        }
        if (!BackupManifest.FORMAT.equals(manifest.format()) || manifest.version() != BackupManifest.VERSION) {
            throw new BackupException("Not a portal backup of a version this portal reads (" + manifest.format() + " " + manifest.version() + ").");
        }
        if (manifest.tables() == null || manifest.sequences() == null || manifest.schemaVersion() == null) {
            throw new BackupException("The backup's manifest is incomplete.");
        }
        return manifest;
    }

    private static void load(Connection c, ZipFile zip, Table t, TableState expected) throws SQLException, IOException {
        if (!expected.columns().equals(t.columns())) {
            throw new BackupException("Table " + t.name() + " has other columns in the backup than in the schema here.");
        }
        ZipEntry entry = zip.getEntry(expected.entry());
        if (entry == null) {
            throw new BackupException("The backup has no data for table " + t.name() + ".");
        }
        var digest = sha256();
        long rows;
        try (InputStream in = new DigestInputStream(zip.getInputStream(entry), digest)) {
            rows = copy(c).copyIn("COPY " + quote(t.name()) + " (" + t.columnList() + ") FROM STDIN WITH (FORMAT csv, HEADER true)", in);
            in.transferTo(OutputStream.nullOutputStream());
        }
        String sum = HexFormat.of().formatHex(digest.digest());
        if (rows != expected.rows() || !sum.equals(expected.sha256())) {
            throw new BackupException("Table " + t.name() + " in the backup does not match its manifest (" + rows + " rows read, "
                    + expected.rows() + " expected; checksum " + (sum.equals(expected.sha256()) ? "matches" : "differs")
                    + "): the file is damaged or was changed. Nothing was written.");
        }
    }

    private static void verifyAuditChain(Connection c) throws SQLException {
        var verifier = new ChainVerifier();
        try (Statement s = c.createStatement()) {
            s.setFetchSize(1_000);
            try (ResultSet rs = s.executeQuery("SELECT id, occurred_at, actor_id, actor_name, actor_roles, action, target_type, target_id, "
                    + "before_state, after_state, outcome, prev_hash, hash FROM audit_entry ORDER BY id")) {
                while (rs.next()) {
                    verifier.accept(new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), AuditOutcome.valueOf(rs.getString(11)), rs.getString(12), rs.getString(13)));
                }
            }
        }
        var result = verifier.result();
        if (!result.intact()) {
            throw new BackupException("The backup's audit chain does not verify at entry " + result.firstBrokenId() + " (" + result.problem()
                    + "): nothing was written.");
        }
    }

    private static void migrateTo(DataSource dataSource, String version) {
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
        var known = java.util.Arrays.stream(flyway.info().all()).map(m -> m.getVersion()).filter(java.util.Objects::nonNull)
                .map(MigrationVersion::getVersion).toList();
        if (!known.contains(version)) {
            throw new BackupException("The backup's schema version " + version + " is unknown to this portal (it knows "
                    + (known.isEmpty() ? "none" : known.getFirst() + " to " + known.getLast()) + "): restore it with the portal version that made it.");
        }
        var current = flyway.info().current();
        if (current != null && current.getVersion().isNewerThan(version)) {
            throw new BackupException("The database is already at schema version " + current.getVersion() + ", newer than the backup's "
                    + version + ": restore into an empty database.");
        }
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(MigrationVersion.fromVersion(version)).load()
                .migrate();
    }

    private static void requireEmpty(Connection c) throws SQLException {
        var counts = new LinkedHashMap<String, Long>();
        for (String table : List.of("audit_entry", "portal_user", "migration")) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        if (!counts.isEmpty()) {
            throw new BackupException("The database already holds data (" + String.join(", ", counts.entrySet().stream()
                    .map(e -> e.getValue() + " rows in " + e.getKey()).toList()) + "): restore into an empty database "
                    + "(a new PORTAL_DATA_DIR, or a new external database). Nothing was written.");
        }
    }

    // ---- schema ---------------------------------------------------------------------------------------------------

    record Table(String name, List<String> columns, List<String> primaryKey) {
        String columnList() {
            return String.join(", ", columns.stream().map(DatabaseBackup::quote).toList());
        }

        String orderBy() {
            var keys = primaryKey.isEmpty() ? columns : primaryKey;
            return String.join(", ", keys.stream().map(DatabaseBackup::quote).toList());
        }
    }

    /** Every table of the current schema but Flyway's, parents before the tables that reference them. */
    static List<Table> tablesInLoadOrder(Connection c) throws SQLException {
        var names = new TreeSet<String>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT c.relname FROM pg_class c JOIN pg_namespace n "
                + "ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition")) {
            while (rs.next()) {
                if (!rs.getString(1).equals(HISTORY)) {
                    names.add(rs.getString(1));
                }
            }
        }
        var parents = new TreeMap<String, TreeSet<String>>();
        names.forEach(n -> parents.put(n, new TreeSet<>()));
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT cl.relname, pc.relname FROM pg_constraint k "
                + "JOIN pg_class cl ON cl.oid = k.conrelid JOIN pg_class pc ON pc.oid = k.confrelid "
                + "JOIN pg_namespace n ON n.oid = k.connamespace WHERE k.contype = 'f' AND n.nspname = current_schema()")) {
            while (rs.next()) {
                if (names.contains(rs.getString(1)) && names.contains(rs.getString(2)) && !rs.getString(1).equals(rs.getString(2))) {
                    parents.get(rs.getString(1)).add(rs.getString(2));
                }
            }
        }
        var order = new ArrayList<String>();
        var placed = new TreeSet<String>();
        while (order.size() < names.size()) {
            boolean progress = false;
            for (String n : names) {
                if (!placed.contains(n) && placed.containsAll(parents.get(n))) {
                    order.add(n);
                    placed.add(n);
                    progress = true;
                }
            }
            if (!progress) {
                throw new BackupException("The tables' foreign keys form a cycle: " + names.stream().filter(n -> !placed.contains(n)).toList());
            }
        }
        var tables = new ArrayList<Table>();
        for (String n : order) {
            tables.add(new Table(n, columns(c, n), primaryKey(c, n)));
        }
        return tables;
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT attname FROM pg_attribute WHERE attrelid = ?::regclass AND attnum > 0 "
                + "AND NOT attisdropped AND attgenerated = '' ORDER BY attnum")) {
            ps.setString(1, quote(table));
            return strings(ps);
        }
    }

    private static List<String> primaryKey(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
                + "AND a.attnum = ANY (i.indkey) WHERE i.indrelid = ?::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)")) {
            ps.setString(1, quote(table));
            return strings(ps);
        }
    }

    private static List<SequenceState> sequences(Connection c) throws SQLException {
        var out = new ArrayList<SequenceState>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT sequencename, last_value FROM pg_sequences "
                + "WHERE schemaname = current_schema() ORDER BY sequencename")) {
            while (rs.next()) {
                long last = rs.getLong(2);
                boolean called = !rs.wasNull();
                if (!rs.getString(1).startsWith(HISTORY)) {
                    out.add(new SequenceState(rs.getString(1), called ? last : 1, called));
                }
            }
        }
        return out;
    }

    private static List<String> strings(PreparedStatement ps) throws SQLException {
        var out = new ArrayList<String>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static @org.jspecify.annotations.Nullable String schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT to_regclass('" + HISTORY + "') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return null;
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM " + HISTORY
                + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static String serverVersion(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductVersion();
    }

    /** Fixed output settings, so the same data always gives the same bytes (and checksum) on any server. */
    private static void session(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL TIME ZONE 'UTC'");
            s.execute("SET LOCAL datestyle = 'ISO, YMD'");
            s.execute("SET LOCAL intervalstyle = 'iso_8601'");
            s.execute("SET LOCAL bytea_output = 'hex'");
            s.execute("SET LOCAL extra_float_digits = 1");
        }
    }

    private static org.postgresql.copy.CopyManager copy(Connection c) throws SQLException {
        return c.unwrap(PGConnection.class).getCopyAPI();
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets COPY write into the zip entry without closing the zip. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
