package io.ciamportal.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The embedded PostgreSQL as the portal and its offline commands ({@code backup}, {@code restore}) start it. */
public final class EmbeddedDatabases {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabases.class);

    /** The server {@link #startEarly} started and nobody took yet, with its data directory. */
    private record Early(Path dataDir, CompletableFuture<EmbeddedPostgres> server) {}

    private static final Object LOCK = new Object();
    private static @Nullable Early early;

    private EmbeddedDatabases() {}

    /**
     * Starts PostgreSQL on a thread of its own, so that it runs while the application context is still being built
     * (about a third of a second of a start, the whole {@code initdb} on the first); {@link #take} hands it to the
     * bean that needs it. One at a time. A server nobody took by the time the JVM exits (the start failed before the
     * database was needed) is stopped then.
     */
    public static void startEarly(Path dataDir) {
        var started = new Early(dataDir.toAbsolutePath().normalize(), new CompletableFuture<>());
        synchronized (LOCK) {
            if (early != null) {
                return;
            }
            early = started;
        }
        Thread.ofPlatform().daemon().name("embedded-postgres-start").start(() -> {
            try {
                started.server().complete(start(started.dataDir()));
            } catch (Throwable e) {
                started.server().completeExceptionally(e);
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (LOCK) {
                if (early != started) {
                    return; // taken: its bean stops it
                }
                early = null;
            }
            try {
                started.server().join().close();
            } catch (IOException | RuntimeException e) {
                log.warn("Could not stop the embedded PostgreSQL started early: {}", e.toString());
            }
        }, "embedded-postgres-stop"));
    }

    /**
     * The server {@link #startEarly} started on this data directory, once its start has ended (or its failure); when
     * there is none, one started now.
     */
    public static EmbeddedPostgres take(Path dataDir) throws IOException {
        Path dir = dataDir.toAbsolutePath().normalize();
        Early taken = null;
        synchronized (LOCK) {
            if (early != null && early.dataDir().equals(dir)) {
                taken = early;
                early = null;
            }
        }
        if (taken == null) {
            return start(dir);
        }
        try {
            return taken.server().join();
        } catch (CompletionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                case null, default -> throw e;
            }
        }
    }

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
