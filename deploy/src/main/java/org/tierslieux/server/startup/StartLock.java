package org.tierslieux.server.startup;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;

/**
 * Makes nodes that share a database start one after the other. Liquibase locks its migrations with a row of
 * its lock table, but two nodes starting on an empty database both create that table and both migrate: the
 * second one fails half-way (seen with two nodes started together, "function current_place_id already
 * exists"). So before Quarkus starts, the node takes a session advisory lock on the database as the migration
 * role, and gives it back once Quarkus has started (migrations done, start-up checks passed). If the node dies
 * meanwhile, PostgreSQL drops the lock with its connection.
 */
public final class StartLock {

    /** The advisory lock's key: {@code hashtextextended('tierslieux:start', 0)}, computed by PostgreSQL. */
    static final String KEY = "tierslieux:start";

    private static volatile Connection held;

    private StartLock() {}

    /**
     * Waits (up to {@code patience}) for the other nodes to finish starting, then holds the lock. Nothing happens
     * when no external database is configured.
     */
    public static void acquire(Config config, Duration patience) throws SQLException, InterruptedException {
        String url = config.getOptionalValue("quarkus.datasource.jdbc.url", String.class)
                .orElse(null);
        if (url == null || url.isBlank()) {
            return;
        }
        Properties credentials = new Properties();
        config.getOptionalValue("quarkus.liquibase.username", String.class)
                .or(() -> config.getOptionalValue("quarkus.datasource.username", String.class))
                .ifPresent(user -> credentials.setProperty("user", user));
        config.getOptionalValue("quarkus.liquibase.password", String.class)
                .or(() -> config.getOptionalValue("quarkus.datasource.password", String.class))
                .ifPresent(password -> credentials.setProperty("password", password));
        credentials.setProperty("ApplicationName", "tierslieux start lock");
        Connection connection =
                new org.postgresql.Driver().connect(url.replaceFirst("^jdbc:otel:", "jdbc:"), credentials);
        if (connection == null) {
            throw new SQLException("Not a PostgreSQL address: " + url);
        }
        long deadline = System.nanoTime() + patience.toNanos();
        boolean told = false;
        while (!tryLock(connection)) {
            if (System.nanoTime() > deadline) {
                connection.close();
                throw new IllegalStateException(
                        "Another node has been starting on this database for over " + patience + ": giving up.");
            }
            if (!told) {
                System.out.println("Another node is starting on this database (migrations); waiting for it ...");
                told = true;
            }
            Thread.sleep(500);
        }
        held = connection;
    }

    /** Gives the lock back (closing its connection); safe to call when none is held. */
    public static void release() {
        Connection connection = held;
        held = null;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing drops the session lock anyway
            }
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock =
                connection.prepareStatement("select pg_try_advisory_lock(hashtextextended(?, 0))")) {
            lock.setString(1, KEY);
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    /** The application once Quarkus has started: gives the lock back, then runs until asked to stop. */
    public static final class Started implements QuarkusApplication {
        @Override
        public int run(String... args) {
            release();
            Quarkus.waitForExit();
            return 0;
        }
    }
}
