package org.tierslieux.server.guard;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * In production, refuses to start on what is only fit for a laptop: no identity mode chosen, a demo or
 * well-known password for the database, the demo session key, or the demo accounts in the database.
 */
@ApplicationScoped
public class ProductionGuard {

    private static final Logger LOG = Logger.getLogger(ProductionGuard.class);

    /** Passwords and keys that ship with the project or that everyone tries first. */
    static final Set<String> KNOWN_SECRETS = Set.of(
            "demo",
            "embedded-owner",
            "embedded-app",
            "postgres",
            "password",
            "changeme",
            "change-me",
            "secret",
            "tierslieux",
            "admin",
            "embedded-default-session-key-not-for-production");

    /** What is wrong with this configuration for production; empty when it may start. */
    public static List<String> problems(Config config) {
        List<String> problems = new ArrayList<>();
        Optional<String> mode = config.getOptionalValue("tl.identity.mode", String.class);
        if (mode.isEmpty()
                || !Set.of("local", "oidc").contains(mode.get().strip().toLowerCase(Locale.ROOT))) {
            problems.add("Set TL_IDENTITY_MODE to 'local' (accounts with passwords) or 'oidc' (Keycloak).");
        }
        if (config.getOptionalValue("quarkus.datasource.jdbc.url", String.class).isEmpty()) {
            problems.add(
                    "Set QUARKUS_DATASOURCE_JDBC_URL, QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD.");
        }
        for (String key : List.of("quarkus.datasource.password", "quarkus.liquibase.password")) {
            config.getOptionalValue(key, String.class)
                    .filter(ProductionGuard::weak)
                    .ifPresent(value -> problems.add(key + " is a demo or well-known password: choose a real one."));
        }
        Optional<String> sessionKey = config.getOptionalValue("quarkus.http.auth.session.encryption-key", String.class);
        if (mode.map(m -> m.strip().equalsIgnoreCase("local")).orElse(false)
                && (sessionKey.isEmpty()
                        || weak(sessionKey.get())
                        || sessionKey.get().length() < 32)) {
            problems.add("Set QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY to a random secret of 32 characters or more.");
        }
        config.getOptionalValue("tl.bootstrap.admin-password", String.class)
                .filter(p -> weak(p) || p.length() < 10)
                .ifPresent(p -> problems.add(
                        "TL_BOOTSTRAP_ADMIN_PASSWORD is weak: 10 characters or more, not a demo password."));
        Optional<String> secretsKey = config.getOptionalValue("tl.secrets.encryption-key", String.class);
        if (secretsKey.isEmpty()
                || !validSecretsKey(secretsKey.get())
                || DEMO_SECRETS_KEY.equals(secretsKey.get().strip())) {
            problems.add(
                    "Set TL_SECRETS_ENCRYPTION_KEY to 32 random bytes in base64 (openssl rand -base64 32): it encrypts"
                            + " each place's Mollie key. Keep it safe: without it the stored keys cannot be read.");
        }
        if (config.getOptionalValue("tl.demo.enabled", Boolean.class).orElse(false)) {
            problems.add("tl.demo.enabled is true: demo data never goes into production.");
        }
        return problems;
    }

    /**
     * The configuration the application will see in {@code profile}, built before Quarkus starts: the
     * environment, system properties and {@code application.properties}.
     */
    public static Config configAsDeployed(String profile) {
        try {
            var builder = new io.smallrye.config.SmallRyeConfigBuilder()
                    .addDefaultSources()
                    .withProfile(profile);
            var properties = Thread.currentThread().getContextClassLoader().getResource("application.properties");
            if (properties != null) {
                builder.withSources(new io.smallrye.config.PropertiesConfigSource(properties, 250));
            }
            return builder.build();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static String refusal(List<String> problems) {
        return "TiersLieux Manager refuses to start in production:\n  - " + String.join("\n  - ", problems)
                + "\nSee docs/operations/install.md and docs/configuration.md.";
    }

    /** The secrets key of the embedded default and tests (application.properties): never in production. */
    static final String DEMO_SECRETS_KEY = "ZW1iZWRkZWQtZGV2LW9ubHktc2VjcmV0cy1rZXktMzI=";

    static boolean validSecretsKey(String base64) {
        try {
            return java.util.Base64.getDecoder().decode(base64.strip()).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean weak(String secret) {
        return secret.isBlank() || KNOWN_SECRETS.contains(secret.strip().toLowerCase(Locale.ROOT));
    }

    void check(@Observes @Priority(1) StartupEvent started, Config config, AgroalDataSource dataSource) {
        if (!"prod"
                        .equals(io.quarkus.runtime.configuration.ConfigUtils.getProfiles()
                                .getFirst())
                || LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        List<String> problems = problems(config);
        if (problems.isEmpty()) {
            problems.addAll(demoAccountsIn(dataSource));
        }
        if (!problems.isEmpty()) {
            String message =
                    "TiersLieux Manager refuses to start in production:\n  - " + String.join("\n  - ", problems);
            LOG.error(message);
            throw new IllegalStateException(message);
        }
    }

    private static List<String> demoAccountsIn(AgroalDataSource dataSource) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from person where email like '%@demo.test'")) {
            r.next();
            return r.getLong(1) > 0
                    ? List.of("The database holds the demo accounts (*@demo.test, password 'demo'): remove them first.")
                    : List.of();
        } catch (SQLException e) {
            return List.of("Cannot read the database: " + e.getMessage());
        }
    }
}
