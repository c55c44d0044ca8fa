package org.tierslieux.core.kernel;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Makes a scheduled job run on one node at a time when several nodes share the database: the run holds a
 * PostgreSQL session advisory lock named after the job on a connection of its own. Another node that fires
 * the same job meanwhile finds the lock taken and skips its turn. If the node dies, PostgreSQL drops the
 * connection and the lock with it, so the next run elsewhere resumes. The work itself opens its own
 * transactions (a job that must be resumable commits in small steps).
 */
@ApplicationScoped
public class JobLock {

    private static final Logger LOG = Logger.getLogger(JobLock.class);

    private final AgroalDataSource dataSource;

    JobLock(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code work} unless another node runs the job {@code job} right now; empty when skipped. Also skipped
     * (with a warning, no error) when no database connection is free for the lock: a surge of requests holds them
     * all, and the job's next turn comes soon enough.
     */
    public <T> java.util.Optional<T> runAlone(String job, Supplier<T> work) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException busy) {
            LOG.warnf("Job %s skipped: no database connection free for its lock (%s)", job, busy.getMessage());
            return java.util.Optional.empty();
        }
        try (Connection c = connection) {
            if (!call(c, "select pg_try_advisory_lock(hashtextextended(?, 0))", job)) {
                LOG.debugf("Job %s is running on another node; skipped here", job);
                return java.util.Optional.empty();
            }
            try {
                return java.util.Optional.ofNullable(work.get());
            } catch (RuntimeException e) {
                if (!poolBusy(e)) {
                    throw e;
                }
                LOG.warnf("Job %s stopped this turn: no database connection free (%s)", job, e.toString());
                return java.util.Optional.empty();
            } finally {
                call(c, "select pg_advisory_unlock(hashtextextended(?, 0))", job);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the lock of job " + job, e);
        }
    }

    /** As {@link #runAlone(String, Supplier)} for work without a result; false when skipped. */
    public boolean runAlone(String job, Runnable work) {
        return runAlone(job, () -> {
                    work.run();
                    return Boolean.TRUE;
                })
                .isPresent();
    }

    /** Whether {@code e} comes from a pool whose connections all stayed busy (Agroal's acquisition timeout). */
    private static boolean poolBusy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException
                    && String.valueOf(t.getMessage())
                            .toLowerCase(java.util.Locale.ROOT)
                            .contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    private static boolean call(Connection c, String sql, String job) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, "job:" + job);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }
}
