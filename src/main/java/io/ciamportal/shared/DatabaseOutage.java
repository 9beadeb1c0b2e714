package io.ciamportal.shared;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database that cannot be reached (stopped, restarting, network gone, pool timed out waiting for a connection)
 * from every other error, so the UI and the API can answer "try again in a moment" instead of "something went wrong".
 * Looks through the whole cause chain: Spring, Hibernate and the pool wrap the driver's exception differently.
 */
public final class DatabaseOutage {

    /** What the user reads: no detail, no stack trace. */
    public static final String MESSAGE = "The database is not reachable. Try again in a moment.";

    private DatabaseOutage() {}

    public static boolean causedBy(@Nullable Throwable problem) {
        int depth = 0;
        for (Throwable t = problem; t != null && depth < 20; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && (connectionState(sql.getSQLState()) || closedByThePool(sql))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hikari closes a connection that broke (the server went away in the middle of a transaction); the rollback that
     * follows then fails with this, and Spring reports that failure instead of the first one.
     */
    private static boolean closedByThePool(SQLException e) {
        return e.getSQLState() == null && "Connection is closed".equals(e.getMessage());
    }

    /**
     * SQLSTATE class 08 (connection exception) and 57P01–57P03 (the server is shutting down, crashed or not yet
     * accepting connections).
     */
    private static boolean connectionState(@Nullable String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }
}
