package io.ciamportal.security.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Serializes changes to who is an admin across threads and portal instances (a transaction-scoped advisory lock), so
 * two admins removing each other at once cannot leave the portal without one.
 */
@Component
public class AdminChangeLock {

    private static final long LOCK = 4242000002L;

    private final JdbcClient jdbc;

    AdminChangeLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds the lock until the caller's transaction ends. */
    public void acquire() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
    }
}
