package io.ciamportal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseOutageTest {

    @Test
    void aDatabaseThatCannotBeReachedIsToldApartFromOtherErrors() {
        var poolTimeout = new SQLTransientConnectionException("portal - Connection is not available, request timed out after 3000ms");
        assertThat(DatabaseOutage.causedBy(new CannotCreateTransactionException("Could not open JPA EntityManager", poolTimeout))).isTrue();
        assertThat(DatabaseOutage.causedBy(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", poolTimeout))).isTrue();
        // the server went away in the middle of a statement, wrapped the way Hibernate and Spring wrap it
        var terminated = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        assertThat(DatabaseOutage.causedBy(new JpaSystemException(new RuntimeException("JDBC exception executing SQL", terminated)))).isTrue();
        assertThat(DatabaseOutage.causedBy(new IllegalStateException(new SQLException("An I/O error occurred", "08006")))).isTrue();
        // the rollback after that, on the connection the pool has closed
        assertThat(DatabaseOutage.causedBy(new JpaSystemException(new RuntimeException("Unable to rollback", new SQLException("Connection is closed")))))
                .isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNotAnOutage() {
        assertThat(DatabaseOutage.causedBy(new DataIntegrityViolationException("duplicate key", new SQLException("duplicate", "23505")))).isFalse();
        assertThat(DatabaseOutage.causedBy(new CannotAcquireLockException("deadlock", new SQLException("deadlock", "40P01")))).isFalse();
        assertThat(DatabaseOutage.causedBy(new SQLException("Connection is closed", "42000"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("no database involved"))).isFalse();
        assertThat(DatabaseOutage.causedBy(null)).isFalse();
    }
}
