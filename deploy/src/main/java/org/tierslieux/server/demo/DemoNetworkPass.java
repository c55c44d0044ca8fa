package org.tierslieux.server.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tierslieux.billing.checkout.OrderService;
import org.tierslieux.billing.checkout.OrderStatus;
import org.tierslieux.core.people.PersonDirectory;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.plan.PlanService;
import org.tierslieux.core.plan.SubscriptionService;
import org.tierslieux.core.pricing.QuoteSubject;
import org.tierslieux.core.tenancy.PlaceScope;
import org.tierslieux.coworking.network.NetworkSettings;

/**
 * The demo's network pass, through the services a network admin, a manager and a member go through: the network
 * agrees on 4 desk-days a member a month at 15 € a desk-day, both places opt in, and member2@demo.test (of
 * L'Atelier Commun only) subscribes to "Maker" there and pays it at the desk, so that their pass opens La
 * Filature's open space. Seeded once: skipped when both places take part already. After DemoNetwork.
 */
@ApplicationScoped
class DemoNetworkPass {

    private static final Logger LOG = Logger.getLogger(DemoNetworkPass.class);

    @Inject
    NetworkSettings network;

    @Inject
    PlaceDirectory places;

    @Inject
    PersonDirectory accounts;

    @Inject
    PlaceScope scope;

    @Inject
    PlanService plans;

    @Inject
    SubscriptionService subscriptions;

    @Inject
    OrderService orders;

    @ConfigProperty(name = "tl.demo.enabled", defaultValue = "false")
    boolean enabled;

    void seed(@Observes @Priority(303) StartupEvent started) {
        if (!enabled) {
            return;
        }
        PlaceRef filature = places.bySlug("la-filature").orElse(null);
        PlaceRef atelier = places.bySlug("atelier-commun").orElse(null);
        if (filature == null || atelier == null) {
            return;
        }
        var participating = network.participating();
        if (participating.contains(filature.id()) && participating.contains(atelier.id())) {
            return;
        }
        PersonId admin = person("admin@demo.test");
        PersonId manager = person("manager@demo.test");
        PersonId member2 = person("member2@demo.test");
        if (network.terms().monthlyAllowance().signum() == 0) {
            network.set(admin, BigDecimal.valueOf(4), new BigDecimal("15.00"), "EUR");
        }
        network.setParticipating(filature.id(), true, manager);
        network.setParticipating(atelier.id(), true, manager);
        scope.run(atelier, () -> {
            boolean live =
                    subscriptions.of(member2).stream().anyMatch(s -> s.status().live());
            if (live) {
                return;
            }
            plans.list(false).stream()
                    .filter(o -> o.plan().name().equals("Maker"))
                    .findFirst()
                    .ifPresent(maker -> {
                        var subscribed =
                                subscriptions.subscribe(member2, maker.plan().id());
                        orders.latestFor(
                                        QuoteSubject.SUBSCRIPTION,
                                        subscribed.subscription().id())
                                .filter(o -> o.status() == OrderStatus.PENDING && !o.free())
                                .ifPresent(o -> orders.recordManual(o.id(), "CASH", "Caisse accueil", manager));
                    });
        });
        LOG.info("Demo network pass: both places opt in, member2 subscribed to Maker at atelier-commun");
    }

    private PersonId person(String email) {
        return accounts.byEmail(email).orElseThrow().id();
    }
}
