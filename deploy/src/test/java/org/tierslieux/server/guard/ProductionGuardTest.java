package org.tierslieux.server.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class ProductionGuardTest {

    private static Map<String, String> sound() {
        Map<String, String> config = new HashMap<>();
        config.put("tl.identity.mode", "local");
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://db.internal/tierslieux");
        config.put("quarkus.datasource.password", "s3-Very-long-random-app-password");
        config.put("quarkus.liquibase.password", "another-long-random-owner-password");
        config.put("quarkus.http.auth.session.encryption-key", "k".repeat(16) + "0123456789abcdef0123");
        config.put("tl.secrets.encryption-key", "q3Jr0v7m1yXc2o9T8bq6b8cW0uJ5Lx9uD2Zk4Xy1AbM=");
        return config;
    }

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .build();
    }

    @Test
    void a_complete_production_configuration_may_start() {
        assertThat(ProductionGuard.problems(config(sound()))).isEmpty();
    }

    @Test
    void production_refuses_to_start_without_an_identity_mode() {
        Map<String, String> values = sound();
        values.remove("tl.identity.mode");
        assertThat(ProductionGuard.problems(config(values)))
                .singleElement()
                .asString()
                .contains("TL_IDENTITY_MODE");
        values.put("tl.identity.mode", "ldap");
        assertThat(ProductionGuard.problems(config(values)))
                .singleElement()
                .asString()
                .contains("TL_IDENTITY_MODE");
    }

    @Test
    void production_refuses_demo_and_well_known_passwords() {
        Map<String, String> values = sound();
        values.put("quarkus.datasource.password", "demo");
        values.put("quarkus.liquibase.password", "embedded-owner");
        assertThat(ProductionGuard.problems(config(values))).hasSize(2).allMatch(p -> p.contains("password"));
    }

    @Test
    void production_refuses_the_demo_session_key_and_demo_data() {
        Map<String, String> values = sound();
        values.put("quarkus.http.auth.session.encryption-key", "embedded-default-session-key-not-for-production");
        values.put("tl.demo.enabled", "true");
        assertThat(ProductionGuard.problems(config(values))).hasSize(2);
    }

    @Test
    void production_needs_a_real_secrets_key() {
        Map<String, String> values = sound();
        values.remove("tl.secrets.encryption-key");
        assertThat(ProductionGuard.problems(config(values)))
                .singleElement()
                .asString()
                .contains("TL_SECRETS_ENCRYPTION_KEY");
        values.put("tl.secrets.encryption-key", "change-me");
        assertThat(ProductionGuard.problems(config(values)))
                .singleElement()
                .asString()
                .contains("TL_SECRETS");
        values.put("tl.secrets.encryption-key", ProductionGuard.DEMO_SECRETS_KEY);
        assertThat(ProductionGuard.problems(config(values)))
                .singleElement()
                .asString()
                .contains("TL_SECRETS");
    }

    @Test
    void production_needs_an_external_database() {
        Map<String, String> values = sound();
        values.remove("quarkus.datasource.jdbc.url");
        assertThat(ProductionGuard.problems(config(values)))
                .singleElement()
                .asString()
                .contains("QUARKUS_DATASOURCE_JDBC_URL");
    }
}
