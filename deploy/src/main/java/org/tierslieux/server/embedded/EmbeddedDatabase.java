package org.tierslieux.server.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An in-process PostgreSQL with the same roles as a production install: {@value #OWNER} owns the schema and
 * runs the migrations, {@value #APP} is what the application connects as (owns no table, so row-level
 * security always applies to it).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "tierslieux";
    public static final String OWNER = "tl_owner";
    public static final String APP = "tl_app";
    /** Local-only passwords: the embedded server listens on localhost and is never the production one. */
    static final String OWNER_PASSWORD = "embedded-owner";

    static final String APP_PASSWORD = "embedded-app";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts on {@code dataDirectory}, keeping what is already there; creates roles and database once. */
    public static EmbeddedDatabase start(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "100")
                .setServerConfig("timezone", "UTC")
                .start();
        EmbeddedDatabase database = new EmbeddedDatabase(postgres);
        database.prepare();
        return database;
    }

    /** A throwaway database in a fresh temporary directory (tests). */
    public static EmbeddedDatabase startFresh() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "100")
                .setServerConfig("timezone", "UTC")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .start();
        EmbeddedDatabase database = new EmbeddedDatabase(postgres);
        database.prepare();
        return database;
    }

    private void prepare() {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            if (!exists(s, "select 1 from pg_roles where rolname = '" + OWNER + "'")) {
                s.execute("create role " + OWNER + " login password '" + OWNER_PASSWORD + "'");
            }
            if (!exists(s, "select 1 from pg_roles where rolname = '" + APP + "'")) {
                s.execute("create role " + APP + " login nosuperuser nobypassrls password '" + APP_PASSWORD + "'");
            }
            if (!exists(s, "select 1 from pg_database where datname = '" + DATABASE + "'")) {
                s.execute("create database " + DATABASE + " owner " + OWNER);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the embedded database", e);
        }
    }

    private static boolean exists(Statement s, String query) throws SQLException {
        try (ResultSet r = s.executeQuery(query)) {
            return r.next();
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    /** The configuration that points Quarkus at this database: the app role for queries, the owner for Liquibase. */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", jdbcUrl());
        config.put("quarkus.datasource.username", APP);
        config.put("quarkus.datasource.password", APP_PASSWORD);
        config.put("quarkus.liquibase.username", OWNER);
        config.put("quarkus.liquibase.password", OWNER_PASSWORD);
        return config;
    }

    /** A connection as the superuser, for tests that need to look behind the application's back. */
    public Connection superuserConnection() throws SQLException {
        return postgres.getDatabase("postgres", DATABASE).getConnection();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
