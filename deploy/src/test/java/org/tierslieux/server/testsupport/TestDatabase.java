package org.tierslieux.server.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.tierslieux.server.embedded.EmbeddedDatabase;

/**
 * The tests' PostgreSQL: a fresh embedded one per test run, with the owner and application roles of a real
 * install. To run the tests against an external PostgreSQL instead, give {@code -Dtl.test.jdbc-url=...}
 * (with {@code tl.test.superuser} and {@code tl.test.superuser-password}); its database must have the roles
 * described in docs/operations/install.md.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedDatabase embedded;

    @Override
    public Map<String, String> start() {
        if (System.getProperty("tl.test.jdbc-url") != null) {
            return Map.of();
        }
        try {
            embedded = EmbeddedDatabase.startFresh();
            return embedded.quarkusConfig();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            embedded = null;
        }
    }

    /** A connection that sees everything (superuser, row-level security does not apply): to check the tests' premises. */
    public static Connection superuser() throws SQLException {
        String external = System.getProperty("tl.test.jdbc-url");
        if (external != null) {
            return DriverManager.getConnection(
                    external,
                    System.getProperty("tl.test.superuser", "postgres"),
                    System.getProperty("tl.test.superuser-password", ""));
        }
        return embedded.superuserConnection();
    }
}
