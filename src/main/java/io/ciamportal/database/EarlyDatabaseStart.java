package io.ciamportal.database;

import java.nio.file.Path;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Starts the embedded PostgreSQL as soon as the settings are known, before the application context is built, when no
 * external database is configured ({@code spring.datasource.url}, from {@code DB_URL}, is blank): the database then
 * starts while beans are made, and the bean that needs it takes it ({@link EmbeddedDatabases#take}). Added by the main
 * method, so tests that build their own contexts are not affected.
 */
public final class EarlyDatabaseStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        var environment = event.getEnvironment();
        String url = environment.getProperty("spring.datasource.url", "");
        String dataDir = environment.getProperty("portal.data-dir", "");
        if (url.isBlank() && !dataDir.isBlank()) {
            EmbeddedDatabases.startEarly(Path.of(dataDir));
        }
    }
}
