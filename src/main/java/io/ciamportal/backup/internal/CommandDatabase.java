package io.ciamportal.backup.internal;

import io.ciamportal.backup.BackupException;
import io.ciamportal.database.EmbeddedDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/** The database an offline command works on, as the portal would pick it from the same environment. */
public final class CommandDatabase implements AutoCloseable {

    private final DataSource dataSource;
    private final @Nullable EmbeddedPostgres embedded;
    private final String description;

    private CommandDatabase(DataSource dataSource, @Nullable EmbeddedPostgres embedded, String description) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.description = description;
    }

    /**
     * @param forRestore the embedded data directory must then be new or empty of data (checked again in the database)
     */
    public static CommandDatabase open(Map<String, String> env, Path dataDir, boolean forRestore) throws IOException {
        String url = env.getOrDefault("DB_URL", "");
        if (!url.isBlank()) {
            var ds = new PGSimpleDataSource();
            ds.setURL(url.strip());
            String user = env.getOrDefault("DB_USER", "");
            if (!user.isBlank()) {
                ds.setUser(user);
            }
            String password = env.getOrDefault("DB_PASSWORD", "");
            if (!password.isEmpty()) {
                ds.setPassword(password);
            }
            // the URL may carry a password: name only host and database
            return new CommandDatabase(ds, null, "the database " + ds.getServerNames()[0] + "/" + ds.getDatabaseName());
        }
        if (EmbeddedDatabases.inUse(dataDir)) {
            throw new BackupException("The embedded database in " + dataDir + " is in use: stop the portal first (or set DB_URL).");
        }
        if (!forRestore && !Files.isDirectory(dataDir.resolve("postgres"))) {
            throw new BackupException("There is no portal database in " + dataDir + " (set PORTAL_DATA_DIR or --data-dir, or DB_URL).");
        }
        var pg = EmbeddedDatabases.start(dataDir);
        return new CommandDatabase(pg.getPostgresDatabase(), pg, "the embedded database in " + dataDir);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String description() {
        return description;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
