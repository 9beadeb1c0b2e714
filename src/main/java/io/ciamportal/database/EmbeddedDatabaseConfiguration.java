package io.ciamportal.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.SpringProperties;

/**
 * The portal's connection pool, on an external PostgreSQL when {@code DB_URL} is set and otherwise on an embedded
 * PostgreSQL started here, so the portal runs with one command on a fresh machine. The embedded database's data
 * directory lives under {@code PORTAL_DATA_DIR} and survives restarts.
 *
 * <p>Which of the two is decided when the beans are made, not by a bean condition: with Spring AOT
 * ({@code -Dspring.aot.enabled=true}, docs/performance.md) conditions are fixed when the jar is built, and one jar must
 * serve both.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedDatabaseConfiguration {

    /** The embedded PostgreSQL, or nothing running when an external database is configured. */
    static final class EmbeddedDatabase implements AutoCloseable {
        private final @Nullable EmbeddedPostgres postgres;

        EmbeddedDatabase(@Nullable EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(@Value("${spring.datasource.url:}") String url, @Value("${portal.data-dir}") String dataDir)
            throws IOException {
        // started early by EarlyDatabaseStart when the portal runs from its main method; else started here
        return new EmbeddedDatabase(url.isBlank() ? EmbeddedDatabases.take(Path.of(dataDir)) : null);
    }

    /**
     * A training run of the JDK's AOT cache ({@code -Dspring.context.exit=onRefresh}, the Docker image's and the
     * README's) ends with {@code Runtime.halt} as soon as the context is refreshed: no destroy method and no shutdown
     * hook runs, so the embedded PostgreSQL would outlive the JVM. In such a run it is stopped here instead, once every
     * bean is made; nothing uses the database between that and the halt (start-up runners run after the refresh).
     */
    @Bean
    SmartInitializingSingleton embeddedDatabaseStopBeforeTrainingExit(EmbeddedDatabase embedded) {
        return () -> {
            if ("onRefresh".equalsIgnoreCase(SpringProperties.getProperty("spring.context.exit"))) {
                try {
                    embedded.close();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("Cannot stop the embedded PostgreSQL before the training run's exit", e);
                }
            }
        };
    }

    /** The pool takes every {@code spring.datasource.hikari.*} setting, for either database. */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabase embedded, @Value("${spring.datasource.url:}") String url,
            @Value("${spring.datasource.username:}") String username, @Value("${spring.datasource.password:}") String password,
            @Value("${spring.datasource.driver-class-name:}") String driver) {
        var pool = new HikariDataSource();
        if (embedded.postgres != null) {
            pool.setJdbcUrl(embedded.postgres.getJdbcUrl("postgres", "postgres"));
            pool.setUsername("postgres");
            pool.setPoolName("portal-embedded");
        } else {
            pool.setJdbcUrl(url);
            if (!username.isBlank()) {
                pool.setUsername(username);
            }
            if (!password.isEmpty()) {
                pool.setPassword(password);
            }
            if (!driver.isBlank()) {
                pool.setDriverClassName(driver);
            }
            pool.setPoolName("portal");
        }
        return pool;
    }
}
