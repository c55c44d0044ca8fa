package org.tierslieux.server.mollie;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tierslieux.billing.mollie.MollieAccounts;
import org.tierslieux.billing.mollie.MollieKey;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.tenancy.PlaceScope;

/**
 * Gives each demo place a Mollie test key of the local Mollie server, so the demo pays online offline. Runs
 * only with the demo data and when this process started a local Mollie server; a key a manager set is kept.
 */
@ApplicationScoped
public class DemoMollie {

    private static final Logger LOG = Logger.getLogger(DemoMollie.class);

    /** The demo places (see API.md). */
    public static final List<String> PLACES = List.of("la-filature", "atelier-commun");

    private final PlaceDirectory places;
    private final PlaceScope scope;
    private final MollieAccounts accounts;
    private final boolean demo;

    DemoMollie(
            PlaceDirectory places,
            PlaceScope scope,
            MollieAccounts accounts,
            @ConfigProperty(name = "tl.demo.enabled", defaultValue = "false") boolean demo) {
        this.places = places;
        this.scope = scope;
        this.accounts = accounts;
        this.demo = demo;
    }

    /** The demo key of a place: {@code test_demo<slug>} padded with zeros to Mollie's 30 characters. */
    public static String keyFor(String slug) {
        StringBuilder key = new StringBuilder("demo")
                .append(slug.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT));
        while (key.length() < 30) {
            key.append('0');
        }
        return "test_" + key;
    }

    /** Opens the demo places' accounts on a simulator (before the application starts). */
    public static void registerDemoKeys(MollieSimulator simulator) {
        PLACES.forEach(slug -> simulator.registerKey(keyFor(slug)));
    }

    void seed(@Observes @Priority(300) StartupEvent started) {
        var simulator = MollieSimulator.local();
        if (!demo || simulator.isEmpty()) {
            return;
        }
        registerDemoKeys(simulator.get());
        for (String slug : PLACES) {
            places.bySlug(slug)
                    .ifPresent(place -> scope.run(place, () -> {
                        if (accounts.shown().isEmpty()) {
                            accounts.setUnchecked(new MollieKey(keyFor(slug)));
                            LOG.infof(
                                    "Demo: %s pays through the local Mollie server (%s)",
                                    slug, simulator.get().baseUrl());
                        }
                    }));
        }
    }
}
