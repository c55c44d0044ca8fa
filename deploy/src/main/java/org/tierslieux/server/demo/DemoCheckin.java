package org.tierslieux.server.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tierslieux.core.people.PersonDirectory;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.tenancy.PlaceScope;
import org.tierslieux.coworking.checkin.CheckinSettings;
import org.tierslieux.coworking.checkin.CheckinSettingsService;
import org.tierslieux.coworking.guest.GuestService;

/**
 * Check-in at La Filature, as its manager would set it up: check-in on (no-shows after 30 minutes), a guest's day
 * billed to the host at 15 EUR; and a guest of the demo member expected today, so that the desk's page has
 * someone to check in. Through the same services as the pages. Seeded once (skipped when check-in was set up).
 */
@ApplicationScoped
class DemoCheckin {

    private static final Logger LOG = Logger.getLogger(DemoCheckin.class);

    @Inject
    PlaceDirectory places;

    @Inject
    PlaceScope scope;

    @Inject
    PersonDirectory accounts;

    @Inject
    CheckinSettingsService settings;

    @Inject
    GuestService guests;

    @ConfigProperty(name = "tl.demo.enabled", defaultValue = "false")
    boolean enabled;

    void seed(@Observes @Priority(320) StartupEvent started) {
        if (!enabled) {
            return;
        }
        var filature = places.bySlug(DemoNetwork.FILATURE).orElse(null);
        var member = accounts.byEmail("member@demo.test").orElse(null);
        if (filature == null || member == null) {
            return;
        }
        scope.run(filature, () -> {
            if (settings.current().enabledAt() != null) {
                return;
            }
            settings.change(
                    true,
                    CheckinSettings.DEFAULT_GRACE_MINUTES,
                    CheckinSettings.GuestPolicy.FREE,
                    new BigDecimal("15.00"));
            guests.invite(member.id(), "Jeanne Invitée", "jeanne.invitee@demo.test", guests.today());
            settings.change(
                    true,
                    CheckinSettings.DEFAULT_GRACE_MINUTES,
                    CheckinSettings.GuestPolicy.BILL_HOST,
                    new BigDecimal("15.00"));
            LOG.infof("Demo check-in at %s: on, guests billed to the host, one guest expected today", filature.slug());
        });
    }
}
