package org.tierslieux.server;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import org.tierslieux.server.embedded.EmbeddedDatabase;

/**
 * Starts the application. With no profile chosen, it runs the embedded default: a PostgreSQL of its own in
 * {@code ./data/postgres} (kept across restarts), local accounts and the demo network. Production sets
 * {@code QUARKUS_PROFILE=prod} and the standard datasource variables, and gets none of that.
 */
@QuarkusMain
public class Main {

    static final String EMBEDDED_PROFILE = "embedded";

    public static void main(String... args) throws Exception {
        String profile = firstNonBlank(System.getProperty("quarkus.profile"), System.getenv("QUARKUS_PROFILE"));
        if (profile == null) {
            profile = EMBEDDED_PROFILE;
            System.setProperty("quarkus.profile", profile);
        }
        if (!EMBEDDED_PROFILE.equals(profile) || externalDatabaseConfigured()) {
            Quarkus.run(args);
            return;
        }
        Path dataDirectory = Path.of(
                        firstNonBlank(System.getenv("TL_DATA_DIR"), System.getProperty("tl.data-dir"), "data"))
                .resolve("postgres")
                .toAbsolutePath();
        System.out.println("Starting the embedded PostgreSQL in " + dataDirectory + " ...");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory)) {
            database.quarkusConfig().forEach(System::setProperty);
            Quarkus.run(args);
        }
    }

    private static boolean externalDatabaseConfigured() {
        return firstNonBlank(
                        System.getProperty("quarkus.datasource.jdbc.url"), System.getenv("QUARKUS_DATASOURCE_JDBC_URL"))
                != null;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
