package org.tierslieux.server.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tierslieux.core.credit.CreditLedger;
import org.tierslieux.core.credit.CreditSource;
import org.tierslieux.core.people.PersonDirectory;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.tenancy.PlaceScope;

/**
 * The desks' demo: at La Filature the demo member holds a "Carnet 10 journées" of their own, bought at the desk
 * and paid by cheque (through the same services as the desk), so that booking a hot desk on the desks page shows
 * a carnet day being used. Seeded once: skipped when the member already holds a carnet there. Runs after
 * {@link DemoNetwork} (which seeds the packs).
 */
@ApplicationScoped
class DemoDesks {

    private static final Logger LOG = Logger.getLogger(DemoDesks.class);

    static final String CARNET = "Carnet 10 journées";

    @Inject
    PlaceDirectory directory;

    @Inject
    PersonDirectory accounts;

    @Inject
    PlaceScope scope;

    @Inject
    CreditLedger ledger;

    @Inject
    DemoBilling billing;

    @ConfigProperty(name = "tl.demo.enabled", defaultValue = "false")
    boolean enabled;

    void seed(@Observes @Priority(301) StartupEvent started) {
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
            boolean holds = ledger.lots(member.get()).stream()
                    .anyMatch(l -> l.source() == CreditSource.PACK && CARNET.equals(l.label()));
            if (!holds) {
                billing.packBoughtAtDesk(member.get(), CARNET, "CHEQUE", manager.get());
                LOG.info("Demo desks at la-filature: the demo member holds a carnet of desk-days");
            }
        });
    }
}
