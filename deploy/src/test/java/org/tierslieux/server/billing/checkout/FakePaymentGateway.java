package org.tierslieux.server.billing.checkout;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.tierslieux.billing.payment.PaymentGateway;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.place.PlaceRef;

/**
 * TEST STAND-IN, replaced by the real bean at merge (helper M's MolliePaymentGateway + MollieSimulator; a default
 * bean: once the real one exists it is no longer used, and the tests that drive it must move to the simulator): an
 * in-memory payment provider, one account per place, so that checkout's tests run before the merge. Tests move
 * payments with {@link #set} (and {@link #tamperAmount}) and then call the webhook as the provider would.
 */
@DefaultBean
@ApplicationScoped
public class FakePaymentGateway implements PaymentGateway {

    record Stored(String place, Payment payment, Sequence sequence) {}

    private final Map<String, Stored> payments = new ConcurrentHashMap<>();
    private final Map<String, List<Mandate>> mandates = new ConcurrentHashMap<>();
    private final Map<String, Refund> refunds = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean down;

    @Override
    public boolean configured(PlaceRef place) {
        return true;
    }

    @Override
    public Payment create(PlaceRef place, PaymentRequest request) {
        requireUp();
        String id = "tr_fake" + ids.incrementAndGet();
        Payment p = new Payment(
                id,
                Status.OPEN,
                request.amount().rounded(),
                Money.zero(request.amount().currency()),
                "https://pay.example.test/checkout/" + id,
                request.method(),
                request.customerId(),
                null,
                request.metadata(),
                null);
        payments.put(id, new Stored(place.slug(), p, request.sequence()));
        return p;
    }

    @Override
    public Optional<Payment> fetch(PlaceRef place, String paymentId) {
        requireUp();
        Stored s = payments.get(paymentId);
        return s == null || !s.place().equals(place.slug()) ? Optional.empty() : Optional.of(s.payment());
    }

    @Override
    public Refund refund(PlaceRef place, String paymentId, Money amount, String description) {
        requireUp();
        Stored s = payments.get(paymentId);
        if (s == null || !s.place().equals(place.slug()) || s.payment().status() != Status.PAID) {
            throw DomainException.invalid("payment.provider-refused", Map.of());
        }
        Money left = s.payment().amount().minus(s.payment().amountRefunded());
        if (amount.compareTo(left) > 0) {
            throw DomainException.invalid("payment.provider-refused", Map.of());
        }
        Payment p = s.payment();
        payments.put(
                paymentId,
                new Stored(
                        s.place(),
                        new Payment(
                                p.id(),
                                p.status(),
                                p.amount(),
                                p.amountRefunded().plus(amount),
                                null,
                                p.method(),
                                p.customerId(),
                                p.mandateId(),
                                p.metadata(),
                                p.paidAt()),
                        s.sequence()));
        Refund r = new Refund("re_fake" + ids.incrementAndGet(), paymentId, amount, "pending");
        refunds.put(r.id(), r);
        return r;
    }

    @Override
    public String createCustomer(PlaceRef place, String name, String email) {
        requireUp();
        return "cst_fake" + ids.incrementAndGet();
    }

    @Override
    public List<Mandate> mandates(PlaceRef place, String customerId) {
        requireUp();
        return mandates.getOrDefault(customerId, List.of());
    }

    @Override
    public Payment charge(PlaceRef place, RecurringRequest request) {
        requireUp();
        String id = "tr_fake" + ids.incrementAndGet();
        Payment p = new Payment(
                id,
                Status.PENDING,
                request.amount().rounded(),
                Money.zero(request.amount().currency()),
                null,
                "directdebit",
                request.customerId(),
                request.mandateId(),
                request.metadata(),
                null);
        payments.put(id, new Stored(place.slug(), p, null));
        return p;
    }

    // ---- what tests do as the provider's side ------------------------------------------------------------

    /** The payer (or the bank) moved the payment to {@code status}; a paid FIRST payment creates a valid mandate. */
    public void set(String paymentId, Status status) {
        Stored s = payments.get(paymentId);
        Payment p = s.payment();
        String mandate = p.mandateId();
        if (status == Status.PAID && s.sequence() == Sequence.FIRST && mandate == null) {
            mandate = "mdt_fake" + ids.incrementAndGet();
            mandates.computeIfAbsent(p.customerId(), c -> new ArrayList<>())
                    .add(new Mandate(mandate, "valid", "directdebit"));
        }
        payments.put(
                paymentId,
                new Stored(
                        s.place(),
                        new Payment(
                                p.id(),
                                status,
                                p.amount(),
                                p.amountRefunded(),
                                status == Status.PAID ? null : p.checkoutUrl(),
                                p.method() == null ? "creditcard" : p.method(),
                                p.customerId(),
                                mandate,
                                p.metadata(),
                                status == Status.PAID ? Instant.now() : null),
                        s.sequence()));
    }

    /** The provider reports another amount than the one asked (a forged or broken account). */
    public void tamperAmount(String paymentId, Money amount) {
        Stored s = payments.get(paymentId);
        Payment p = s.payment();
        payments.put(
                paymentId,
                new Stored(
                        s.place(),
                        new Payment(
                                p.id(),
                                p.status(),
                                amount,
                                p.amountRefunded(),
                                p.checkoutUrl(),
                                p.method(),
                                p.customerId(),
                                p.mandateId(),
                                p.metadata(),
                                p.paidAt()),
                        s.sequence()));
    }

    public Payment get(String paymentId) {
        return payments.get(paymentId).payment();
    }

    public List<Refund> refundsOf(String paymentId) {
        return refunds.values().stream()
                .filter(r -> r.paymentId().equals(paymentId))
                .toList();
    }

    /** While down, every call answers 503 payment.provider-unavailable. */
    public void down(boolean down) {
        this.down = down;
    }

    private void requireUp() {
        if (down) {
            throw new DomainException(503, "payment.provider-unavailable", Map.of());
        }
    }
}
