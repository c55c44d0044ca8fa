package org.tierslieux.server.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.PersonDirectory;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.tenancy.PlaceScope;
import org.tierslieux.coworking.desk.DeskAssignments;

/**
 * The dedicated desks' demo: at La Filature "Bureau fixe 2" is the demo member's desk, assigned by the manager to
 * their "Résident" subscription (through the same service as the desks page), with one open day of the coming
 * two weeks released, so that the desks page shows "my desk" to the member and a released day to the others.
 * Seeded once: skipped when the desk has (or had) an assignment. Runs after {@link DemoDesks} and the calendar.
 */
@ApplicationScoped
class DemoDedicatedDesks {

    private static final Logger LOG = Logger.getLogger(DemoDedicatedDesks.class);

    static final String DESK = "Bureau fixe 2";

    @Inject
    PlaceDirectory directory;

    @Inject
    PersonDirectory accounts;

    @Inject
    PlaceScope scope;

    @Inject
    ResourceService resources;

    @Inject
    DeskAssignments assignments;

    @Inject
    Clock clock;

    @ConfigProperty(name = "tl.demo.enabled", defaultValue = "false")
    boolean enabled;

    void seed(@Observes @Priority(307) StartupEvent started) {
        if (!enabled) {
            return;
        }
        var filature = directory.bySlug("la-filature");
        var member = accounts.byEmail("member@demo.test").map(PersonDirectory.Account::id);
        var manager = accounts.byEmail("manager@demo.test").map(PersonDirectory.Account::id);
        if (filature.isEmpty() || member.isEmpty() || manager.isEmpty()) {
            return;
        }
        scope.run(filature.get(), () -> {
            var desk = resources.active().stream()
                    .filter(r -> DESK.equals(r.name()) && "DESK".equals(r.kind()))
                    .findFirst();
            if (desk.isEmpty()
                    || assignments.list(true).stream()
                            .anyMatch(a -> a.desk().id().equals(desk.get().id()))) {
                return;
            }
            try {
                var assignment = assignments.assign(desk.get().id(), member.get(), null, manager.get());
                LocalDate today =
                        LocalDate.ofInstant(clock.instant(), filature.get().zone());
                assignments.days(assignment, today.plusDays(2), today.plusDays(15)).stream()
                        .filter(d -> d.open() && d.state() == DeskAssignments.DayState.HELD)
                        .findFirst()
                        .ifPresent(d -> assignments.release(assignment.id(), member.get(), false, d.date(), d.date()));
                LOG.infof("Demo dedicated desks at la-filature: %s is the demo member's, one day released", DESK);
            } catch (DomainException refused) {
                // the demo member's subscription is not active (e.g. awaiting payment): no desk to show
                LOG.infof("Demo dedicated desks at la-filature skipped: %s", refused.code());
            }
        });
    }
}
