package org.tierslieux.server.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tierslieux.core.people.PeopleService;
import org.tierslieux.core.people.PersonDirectory;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.place.Address;
import org.tierslieux.core.place.GeoPoint;
import org.tierslieux.core.place.LegalIdentity;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.place.PlaceKind;
import org.tierslieux.core.place.PlaceProfile;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.place.PlaceService;
import org.tierslieux.core.place.Slug;
import org.tierslieux.core.resource.ResourceDetails;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.tenancy.PlaceScope;

/**
 * Seeds the demo network described in the API contract, once. Each step is skipped when already done (an
 * account, a place, a place that has resources, a place where the demo member has bookings), so a start
 * interrupted half-way completes on the next one. The places' lived-in calendar, relative to today, is
 * {@link DemoCalendar}'s. Enabled by {@code tl.demo.enabled} (the embedded and test profiles).
 */
@ApplicationScoped
public class DemoNetwork {

    private static final Logger LOG = Logger.getLogger(DemoNetwork.class);

    public static final String PASSWORD = "demo";
    public static final String FILATURE = "la-filature";
    public static final String ATELIER = "atelier-commun";

    @Inject
    PlaceService places;

    @Inject
    PlaceDirectory directory;

    @Inject
    PeopleService people;

    @Inject
    PersonDirectory accounts;

    @Inject
    ResourceService resources;

    @Inject
    PlaceScope scope;

    @Inject
    DemoCalendar calendar;

    @Inject
    DemoPrices demoPrices;

    @Inject
    DemoPlans plans;

    @ConfigProperty(name = "tl.demo.enabled", defaultValue = "false")
    boolean enabled;

    void seed(@Observes @Priority(100) StartupEvent started) {
        if (!enabled) {
            return;
        }
        LOG.info("Checking the demo network (places la-filature and atelier-commun, accounts *@demo.test)");
        PersonId admin = account("admin@demo.test", "Alice Admin", true);
        PersonId manager = account("manager@demo.test", "Marc Manager", false);
        PersonId treasurer = account("treasurer@demo.test", "Théo Trésorier", false);
        PersonId member = account("member@demo.test", "Mina Membre", false);
        PersonId member2 = account("member2@demo.test", "Malo Membre", false);

        PlaceRef filature = place(
                FILATURE,
                new PlaceProfile(
                        "La Filature",
                        ZoneId.of("Europe/Paris"),
                        Currency.getInstance("EUR"),
                        new LegalIdentity("SCIC La Filature", "73282932000074", "FR44732829320", null),
                        new Address("12 rue du Fil", "59000", "Lille", "FR"),
                        new GeoPoint(50.6329, 3.0581),
                        Set.of(PlaceKind.COWORKING, PlaceKind.CAFE),
                        "https://la-filature.example.org"));
        PlaceRef atelier = place(
                ATELIER,
                new PlaceProfile(
                        "L'Atelier Commun",
                        ZoneId.of("Europe/Paris"),
                        Currency.getInstance("EUR"),
                        new LegalIdentity(
                                "Association L'Atelier Commun", null, null, "TVA non applicable, art. 293 B du CGI"),
                        new Address("5 place de la Liberté", "59100", "Roubaix", "FR"),
                        new GeoPoint(50.6901, 3.1817),
                        Set.of(PlaceKind.FABLAB, PlaceKind.WORKSHOP),
                        null));

        scope.run(filature, () -> {
            if (resources.list(true, 0, 1).total() > 0) {
                return;
            }
            people.setRoles(manager, Set.of(Role.MANAGER));
            people.setRoles(treasurer, Set.of(Role.TREASURER));
            people.setRoles(member, Set.of(Role.MEMBER));
            resources.create(
                    "DESK_POOL",
                    new ResourceDetails("Open space", "Vingt postes en accès libre, écrans et casiers.", 20));
            resources.create("DESK", new ResourceDetails("Bureau fixe 1", "Bureau attitré près de la fenêtre.", null));
            resources.create("DESK", new ResourceDetails("Bureau fixe 2", null, null));
            resources.create("ROOM", new ResourceDetails("Salle Jacquard", "Salle de réunion, écran et visio.", 10));
            resources.create("ROOM", new ResourceDetails("Salle Navette", "Petite salle pour quatre.", 4));
            resources.create(
                    "PHONE_BOOTH", new ResourceDetails("Cabine téléphonique", "Pour un appel au calme.", null));
        });
        scope.run(atelier, () -> {
            if (resources.list(true, 0, 1).total() > 0) {
                return;
            }
            people.setRoles(manager, Set.of(Role.MANAGER));
            people.setRoles(treasurer, Set.of(Role.TREASURER));
            people.setRoles(member, Set.of(Role.MEMBER));
            people.setRoles(member2, Set.of(Role.MEMBER));
            resources.create(
                    "MACHINE",
                    new ResourceDetails(
                            "Découpeuse laser Trotec", "Surface 60 x 30 cm, bois, acrylique, carton.", null));
            resources.create("MACHINE", new ResourceDetails("Imprimante 3D Prusa MK4", "PLA et PETG.", null));
            resources.create("MACHINE", new ResourceDetails("Fraiseuse CNC", "Fraisage bois et aluminium.", null));
            resources.create(
                    "TRAINING",
                    new ResourceDetails("Formation découpe laser", "Deux heures, obligatoire avant la découpeuse.", 6));
            resources.create("SPACE", new ResourceDetails("Atelier bois", "Établis, outillage à main.", 12));
        });
        describe(
                FILATURE,
                "Coworking et café au cœur de Lille, dans une ancienne filature : un open space de vingt postes,"
                        + " deux bureaux fixes, deux salles de réunion équipées et une cabine pour téléphoner au"
                        + " calme. Café de quartier au rez-de-chaussée, ouvert du lundi au vendredi.");
        describe(
                ATELIER,
                "Fablab associatif à Roubaix : découpe laser, impression 3D, fraisage numérique et un atelier bois"
                        + " partagé. Formations d'initiation chaque semaine ; les machines s'ouvrent aux membres"
                        + " formé·es, sur réservation.");
        DemoCalendar.Cast cast = new DemoCalendar.Cast(manager, treasurer, member, member2);
        // prices first, so that the calendar's bookings are quoted at them
        scope.run(filature, () -> demoPrices.filature(filature, cast));
        scope.run(atelier, () -> demoPrices.atelier(atelier, cast));
        scope.run(filature, () -> plans.filature(filature, member));
        scope.run(atelier, () -> plans.atelier(atelier));
        scope.run(filature, () -> calendar.filature(filature, cast));
        scope.run(atelier, () -> calendar.atelier(atelier, cast));
        LOG.infof("Demo network ready (admin %s)", admin);
    }

    private PersonId account(String email, String name, boolean networkAdmin) {
        return accounts.byEmail(email)
                .map(PersonDirectory.Account::id)
                .orElseGet(() -> people.createDemoAccount(email, name, PASSWORD, networkAdmin));
    }

    /** The few lines of the place's public page, unless someone already wrote their own. */
    private void describe(String slug, String description) {
        if (places.get(slug).description() == null) {
            places.describe(slug, description);
        }
    }

    private PlaceRef place(String slug, PlaceProfile profile) {
        return directory.bySlug(slug).orElseGet(() -> {
            places.create(new Slug(slug), profile);
            return directory.bySlug(slug).orElseThrow();
        });
    }
}
