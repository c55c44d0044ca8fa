package org.tierslieux.core.plan;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.tierslieux.core.credit.CreditLedger;
import org.tierslieux.core.kernel.JobLock;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.tenancy.PlaceScope;

/**
 * The renewal job: place by place, renews the subscriptions whose period is over (one transaction per
 * subscription and period, so a run killed half-way loses nothing and the next run resumes where it stopped),
 * ends those whose last period is over, and expires the lots of credits past their expiry (packs, periods).
 * One node runs it at a time ({@link JobLock}); a second run finds nothing due, so it is idempotent.
 */
@ApplicationScoped
public class SubscriptionRenewal {

    private static final Logger LOG = Logger.getLogger(SubscriptionRenewal.class);
    private static final int BATCH = 50;

    /** What one run did in one place. */
    public record Outcome(int renewed, int expiredLots) {}

    private final PlaceDirectory places;
    private final PlaceScope scope;
    private final SubscriptionService subscriptions;
    private final CreditLedger ledger;
    private final JobLock lock;
    private final Clock clock;

    SubscriptionRenewal(
            PlaceDirectory places,
            PlaceScope scope,
            SubscriptionService subscriptions,
            CreditLedger ledger,
            JobLock lock,
            Clock clock) {
        this.places = places;
        this.scope = scope;
        this.subscriptions = subscriptions;
        this.ledger = ledger;
        this.lock = lock;
        this.clock = clock;
    }

    @Scheduled(
            identity = "subscription-renewal",
            every = "${tl.plans.renewal-every:15m}",
            delayed = "${tl.plans.renewal-delay:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        lock.runAlone("subscription-renewal", () -> {
            for (PlaceRef place : places.all()) {
                try {
                    Outcome outcome = scope.call(place, this::runHere);
                    if (outcome.renewed() + outcome.expiredLots() > 0) {
                        LOG.infof(
                                "%s: %d subscription period(s) renewed or ended, %d lot(s) expired",
                                place.slug(), outcome.renewed(), outcome.expiredLots());
                    }
                } catch (RuntimeException e) {
                    LOG.warnf("Subscription renewal at %s: %s", place.slug(), e.toString());
                }
            }
        });
    }

    /**
     * Runs the job in the current place now (a manager's button, tests): the same work as the scheduled run,
     * under the same job lock; an empty outcome when another node is running it.
     */
    public Outcome runNow() {
        return lock.runAlone("subscription-renewal", this::runHere).orElse(new Outcome(0, 0));
    }

    private Outcome runHere() {
        Instant now = clock.instant();
        int renewed = 0;
        while (true) {
            List<UUID> due = QuarkusTransaction.requiringNew().call(() -> subscriptions.due(now, BATCH));
            int done = 0;
            for (UUID id : due) {
                try {
                    if (QuarkusTransaction.requiringNew().call(() -> subscriptions.renewOne(id, now))) {
                        done++;
                    }
                } catch (RuntimeException e) {
                    LOG.warnf("Renewal of subscription %s: %s", id, e.toString());
                }
            }
            renewed += done;
            if (done == 0) {
                break;
            }
        }
        int expired = 0;
        while (true) {
            List<UUID[]> lots = QuarkusTransaction.requiringNew().call(() -> ledger.dueForExpiry(now, BATCH));
            for (UUID[] lot : lots) {
                QuarkusTransaction.requiringNew().run(() -> ledger.expire(new PersonId(lot[1]), lot[0], "expired"));
                expired++;
            }
            if (lots.size() < BATCH) {
                break;
            }
        }
        return new Outcome(renewed, expired);
    }
}
