package org.tierslieux.billing.checkout;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.tierslieux.billing.payment.PaymentGateway;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.JobLock;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.core.tenancy.PlaceScope;

/**
 * Sends online refunds to the provider <em>after</em> the transaction that decided them committed (with their
 * credit note): a refund decided inside a booking's cancellation must not call the provider from inside that
 * transaction (a rollback after the call would give money back for nothing, and a provider outage would fail
 * the cancellation). A refund the provider could not take stays TO_SEND and a job retries it; after
 * {@link OrderRefund#MAX_ATTEMPTS} refusals it is FAILED and shows on the desk's page (to give back by hand).
 */
@ApplicationScoped
public class RefundSender {

    private static final Logger LOG = Logger.getLogger(RefundSender.class);

    private final PaymentGateway gateway;
    private final PlaceContext placeContext;
    private final PlaceDirectory places;
    private final PlaceScope scope;
    private final JobLock lock;

    RefundSender(
            PaymentGateway gateway, PlaceContext placeContext, PlaceDirectory places, PlaceScope scope, JobLock lock) {
        this.gateway = gateway;
        this.placeContext = placeContext;
        this.places = places;
        this.scope = scope;
        this.lock = lock;
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderService.RefundToSend event) {
        PlaceRef place = placeContext.require();
        try {
            // a fresh request context: the committed transaction's session is finished
            scope.run(place, () -> send(event.refund()));
        } catch (RuntimeException e) {
            LOG.warnf("Refund %s not sent yet (%s): the job retries it", event.refund(), e.toString());
        }
    }

    /** Sends one refund if it still waits; returns whether it is sent now. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean send(UUID refundId) {
        OrderRefund refund = Panache.getEntityManager()
                .createQuery("from OrderRefund r where r.id = :id", OrderRefund.class)
                .setParameter("id", refundId)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (refund == null || !refund.toSend()) {
            return false;
        }
        OrderPayment payment = Panache.getEntityManager().find(OrderPayment.class, refund.paymentId());
        if (payment == null) {
            payment = Panache.getEntityManager()
                    .createQuery("from OrderPayment p where p.id = :id", OrderPayment.class)
                    .setParameter("id", refund.paymentId())
                    .getSingleResult();
        }
        try {
            PaymentGateway.Refund sent = gateway.refund(
                    placeContext.require(),
                    payment.providerId(),
                    refund.amount(),
                    refund.reason() == null ? "Remboursement" : refund.reason());
            refund.sent(sent.id());
            return true;
        } catch (DomainException e) {
            refund.failedOnce(e.code());
            LOG.warnf("Refund %s refused or not reachable: %s (attempt %d)", refundId, e.code(), refund.attempts());
            return false;
        }
    }

    @Scheduled(
            identity = "refund-retry",
            every = "${tl.billing.refund-retry-every:5m}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        lock.runAlone("refund-retry", () -> {
            for (PlaceRef place : places.all()) {
                try {
                    scope.run(place, this::retryHere);
                } catch (RuntimeException e) {
                    LOG.warnf("Refund retry at %s: %s", place.slug(), e.toString());
                }
            }
        });
    }

    /** Retries every refund of the current place still waiting; returns how many went through. */
    public int retryHere() {
        int sent = 0;
        for (UUID id : waiting()) {
            if (send(id)) {
                sent++;
            }
        }
        return sent;
    }

    @Transactional
    List<UUID> waiting() {
        return Panache.getEntityManager()
                .createQuery(
                        "select r.id from OrderRefund r where r.status = 'TO_SEND' order by r.createdAt", UUID.class)
                .getResultList();
    }
}
