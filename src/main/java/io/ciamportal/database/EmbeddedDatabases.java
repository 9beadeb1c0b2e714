package io.ciamportal.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The embedded PostgreSQL as the portal and its offline commands ({@code backup}, {@code restore}) start it. */
public final class EmbeddedDatabases {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabases.class);

    private EmbeddedDatabases() {}

    /** Starts PostgreSQL on the data directory under {@code dataDir}/postgres, creating it when it does not exist. */
    public static EmbeddedPostgres start(Path dataDir) throws IOException {
        Path pgData = dataDir.toAbsolutePath().normalize().resolve("postgres");
        Files.createDirectories(pgData);
        log.info("Starting embedded PostgreSQL with data in {}", pgData);
        return EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setServerConfig("timezone", "UTC")
                .setServerConfig("max_connections", "60")
                .start();
    }

    /** True when a PostgreSQL server holds the data directory (its postmaster.pid names a live process). */
    public static boolean inUse(Path dataDir) {
        Path pid = dataDir.toAbsolutePath().normalize().resolve("postgres").resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pid)) {
                return false;
            }
            String first = Files.readAllLines(pid).stream().findFirst().orElse("").strip();
            return !first.isEmpty() && ProcessHandle.of(Long.parseLong(first)).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }
}
