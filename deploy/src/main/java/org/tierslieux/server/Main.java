package org.tierslieux.server;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.tierslieux.server.embedded.EmbeddedDatabase;
import org.tierslieux.server.guard.ProductionGuard;
import org.tierslieux.server.mollie.LocalMollie;
import org.tierslieux.server.startup.StartLock;

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
        if ("prod".equals(profile)) {
            // refuse before anything touches a database, with a message an operator can act on
            List<String> problems = ProductionGuard.problems(ProductionGuard.configAsDeployed("prod"));
            if (!problems.isEmpty()) {
                System.err.println(ProductionGuard.refusal(problems));
                System.exit(1);
            }
        }
        if (!EMBEDDED_PROFILE.equals(profile) || externalDatabaseConfigured()) {
            // several nodes may share this database: they start (and migrate) one at a time
            StartLock.acquire(ProductionGuard.configAsDeployed(profile), Duration.ofMinutes(10));
            try {
                Quarkus.run(StartLock.Started.class, args);
            } finally {
                StartLock.release();
            }
            return;
        }
        Path dataDirectory = Path.of(
                        firstNonBlank(System.getenv("TL_DATA_DIR"), System.getProperty("tl.data-dir"), "data"))
                .resolve("postgres")
                .toAbsolutePath();
        System.out.println("Starting the embedded PostgreSQL in " + dataDirectory + " ...");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory);
                AutoCloseable mollie = LocalMollie.startIfWanted()) {
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
