package io.ciamportal.testsupport;

import io.ciamportal.Application;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One portal instance as production runs several: its own Spring context and HTTP port on an external PostgreSQL
 * ({@code DB_URL}), with the demo accounts. Tests that need more than one instance, or a database they can stop, start
 * these themselves instead of using the shared test context.
 */
public final class PortalInstance implements AutoCloseable {

    private final String name;
    private final ConfigurableApplicationContext context;

    private PortalInstance(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
    }

    /** Starts an instance on {@code jdbcUrl} (user postgres, no password); {@code extra} adds or overrides properties. */
    public static PortalInstance start(String name, String jdbcUrl, Map<String, String> extra) {
        var properties = new LinkedHashMap<String, String>();
        properties.put("server.port", "0");
        properties.put("spring.datasource.url", jdbcUrl);
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "");
        properties.put("spring.datasource.hikari.pool-name", "portal-" + name);
        properties.put("portal.demo", "true");
        properties.put("portal.demo-password", RunningPortal.DEMO_PASSWORD);
        properties.put("portal.admin-password", "");
        properties.put("portal.local-accounts", "");
        properties.put("portal.oidc.issuer-uri", "");
        properties.putAll(extra);
        // as command-line arguments: they outrank application.properties (builder properties would not)
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        // Spring Boot sets up Logback, which is one per JVM, as each application prepares its environment; two doing it
        // at once can fail ("Unable to find Spring Environment in logger context"). That part goes one at a time; the
        // contexts themselves are still built at the same time.
        LOGGING_SET_UP.lock();
        try {
            var context = new SpringApplicationBuilder(Application.class)
                    .listeners((org.springframework.context.ApplicationListener<org.springframework.boot.context.event.ApplicationPreparedEvent>)
                            prepared -> releaseLoggingSetUp())
                    .run(args);
            return new PortalInstance(name, context);
        } finally {
            releaseLoggingSetUp();
        }
    }

    private static final java.util.concurrent.locks.ReentrantLock LOGGING_SET_UP = new java.util.concurrent.locks.ReentrantLock();

    private static void releaseLoggingSetUp() {
        if (LOGGING_SET_UP.isHeldByCurrentThread()) {
            LOGGING_SET_UP.unlock();
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public ApiClient api() {
        return new ApiClient(baseUrl());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
