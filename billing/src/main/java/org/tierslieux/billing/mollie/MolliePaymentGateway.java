package org.tierslieux.billing.mollie;

import be.woutschoovaerts.mollie.data.common.Amount;
import be.woutschoovaerts.mollie.data.customer.CustomerRequest;
import be.woutschoovaerts.mollie.data.mandate.MandateResponse;
import be.woutschoovaerts.mollie.data.payment.PaymentMethod;
import be.woutschoovaerts.mollie.data.payment.PaymentResponse;
import be.woutschoovaerts.mollie.data.payment.SequenceType;
import be.woutschoovaerts.mollie.data.refund.RefundRequest;
import be.woutschoovaerts.mollie.data.refund.RefundResponse;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.tierslieux.billing.payment.PaymentGateway;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.core.tenancy.PlaceScope;

/**
 * {@link PaymentGateway} on Mollie's v2 API with each place's own key. Every call reads the place's key (sealed
 * in {@code mollie_account}) and talks to Mollie with it only, so another place's payment is simply "not
 * found" (Mollie answers 404 to a key that did not create it). A place without a key gets 409
 * {@code mollie.not-configured}. Call it from a request of that place (the checkout, the webhook under
 * {@code /{place}}) or from background work with no place: the key is then read in a transaction of its own.
 */
@ApplicationScoped
public class MolliePaymentGateway implements PaymentGateway {

    private final MollieAccounts accounts;
    private final MollieApi mollie;
    private final PlaceContext placeContext;
    private final PlaceScope placeScope;

    MolliePaymentGateway(MollieAccounts accounts, MollieApi mollie, PlaceContext placeContext, PlaceScope placeScope) {
        this.accounts = accounts;
        this.mollie = mollie;
        this.placeContext = placeContext;
        this.placeScope = placeScope;
    }

    @Override
    public boolean configured(PlaceRef place) {
        return inPlace(place, accounts::shown).isPresent();
    }

    @Override
    public Payment create(PlaceRef place, PaymentRequest request) {
        var handlers = handlers(place);
        if (request.sequence() == Sequence.FIRST && request.customerId() == null) {
            throw DomainException.invalid("mollie.customer-required", Map.of());
        }
        var builder = be.woutschoovaerts.mollie.data.payment.PaymentRequest.builder()
                .amount(amount(request.amount()))
                .description(request.description())
                .redirectUrl(Optional.ofNullable(request.redirectUrl()))
                .webhookUrl(Optional.ofNullable(request.webhookUrl()))
                .metadata(metadata(request.metadata()))
                .sequenceType(
                        Optional.of(request.sequence() == Sequence.FIRST ? SequenceType.FIRST : SequenceType.ONE_OFF))
                .customerId(Optional.ofNullable(request.customerId()));
        method(request.method()).ifPresent(m -> builder.method(Optional.of(List.of(m))));
        PaymentResponse created = mollie.call(() -> handlers.payments().createPayment(builder.build()));
        return payment(created);
    }

    @Override
    public Optional<Payment> fetch(PlaceRef place, String paymentId) {
        if (paymentId == null || !paymentId.matches("tr_[A-Za-z0-9]{1,64}")) {
            return Optional.empty();
        }
        var handlers = handlers(place);
        return mollie.find(() -> handlers.payments().getPayment(paymentId)).map(MolliePaymentGateway::payment);
    }

    @Override
    public Refund refund(PlaceRef place, String paymentId, Money amount, String description) {
        var handlers = handlers(place);
        if (amount == null || amount.isNegative() || amount.isZero()) {
            throw DomainException.invalid("mollie.refund-amount-invalid", Map.of());
        }
        RefundRequest request = RefundRequest.builder()
                .amount(amount(amount))
                .description(Optional.ofNullable(description))
                .build();
        RefundResponse refund = mollie.find(() -> handlers.refunds().createRefund(paymentId, request))
                .orElseThrow(() -> DomainException.notFound("payment.not-found", Map.of("id", paymentId)));
        return new Refund(refund.getId(), refund.getPaymentId(), money(refund.getAmount()), refund.getStatus());
    }

    @Override
    public String createCustomer(PlaceRef place, String name, String email) {
        var handlers = handlers(place);
        CustomerRequest request = CustomerRequest.builder()
                .name(Optional.ofNullable(name))
                .email(Optional.ofNullable(email))
                .build();
        return mollie.call(() -> handlers.customers().createCustomer(request)).getId();
    }

    @Override
    public List<Mandate> mandates(PlaceRef place, String customerId) {
        var handlers = handlers(place);
        return mollie
                .find(() -> handlers.mandates().listMandates(customerId))
                .map(page -> page.getEmbedded() == null || page.getEmbedded().getMandates() == null
                        ? List.<MandateResponse>of()
                        : page.getEmbedded().getMandates())
                .orElse(List.of())
                .stream()
                .map(m -> new Mandate(
                        m.getId(),
                        m.getStatus() == null ? "invalid" : m.getStatus().getJsonValue(),
                        m.getMethod() == null ? null : m.getMethod().name().toLowerCase(Locale.ROOT)))
                .toList();
    }

    @Override
    public Payment charge(PlaceRef place, RecurringRequest request) {
        var handlers = handlers(place);
        var payment = be.woutschoovaerts.mollie.data.payment.PaymentRequest.builder()
                .amount(amount(request.amount()))
                .description(request.description())
                .webhookUrl(Optional.ofNullable(request.webhookUrl()))
                .metadata(metadata(request.metadata()))
                .sequenceType(Optional.of(SequenceType.RECURRING))
                .customerId(Optional.of(request.customerId()))
                .mandateId(Optional.ofNullable(request.mandateId()))
                .build();
        return payment(mollie.call(() -> handlers.payments().createPayment(payment)));
    }

    private MollieApi.Handlers handlers(PlaceRef place) {
        String key = inPlace(place, accounts::apiKey)
                .orElseThrow(() -> DomainException.conflict("mollie.not-configured", Map.of("place", place.slug())));
        return mollie.with(key);
    }

    /**
     * Runs in the place's tenant: directly when the request is already there; else in a scope and a transaction
     * of its own (a session opened for no place, or a caller's transaction, must never read the key). A request
     * of another place asking for this place's account is a programming error, refused.
     */
    private <T> T inPlace(PlaceRef place, Supplier<T> work) {
        if (Arc.container().requestContext().isActive()) {
            var current = placeContext.current();
            if (current.isPresent()) {
                if (!current.get().id().equals(place.id())) {
                    throw new IllegalStateException("A request in "
                            + current.get().slug() + " cannot use the Mollie account of " + place.slug());
                }
                return work.get();
            }
        }
        return placeScope.call(place, () -> QuarkusTransaction.requiringNew().call(work::get));
    }

    static Payment payment(PaymentResponse p) {
        Currency currency = Currency.getInstance(p.getAmount().getCurrency());
        Map<String, String> metadata = new LinkedHashMap<>();
        if (p.getMetadata() != null) {
            p.getMetadata().forEach((k, v) -> metadata.put(k, v == null ? null : String.valueOf(v)));
        }
        return new Payment(
                p.getId(),
                status(p),
                money(p.getAmount()),
                p.getAmountRefunded().map(MolliePaymentGateway::money).orElse(Money.zero(currency)),
                p.getLinks() == null || p.getLinks().getCheckout() == null
                        ? null
                        : p.getLinks().getCheckout().getHref(),
                p.getMethod() == null ? null : p.getMethod().getJsonValue(),
                p.getCustomerId().orElse(null),
                p.getMandateId().orElse(null),
                Map.copyOf(metadata.entrySet().stream()
                        .filter(e -> e.getValue() != null)
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))),
                p.getPaidAt().map(OffsetDateTime::toInstant).orElse(null));
    }

    private static Status status(PaymentResponse p) {
        if (p.getStatus() == null) {
            throw new DomainException(503, "payment.provider-unavailable", Map.of());
        }
        return Status.valueOf(p.getStatus().name());
    }

    private static Amount amount(Money money) {
        int digits = money.currency().getDefaultFractionDigits();
        return new Amount(money.currency().getCurrencyCode(), money.amount().setScale(digits, RoundingMode.HALF_EVEN));
    }

    private static Money money(Amount amount) {
        return new Money(amount.getValue(), Currency.getInstance(amount.getCurrency()));
    }

    private static Map<String, Object> metadata(Map<String, String> metadata) {
        return metadata == null ? new HashMap<>() : new HashMap<>(metadata);
    }

    private static Optional<PaymentMethod> method(String method) {
        if (method == null || method.isBlank()) {
            return Optional.empty();
        }
        for (PaymentMethod m : PaymentMethod.values()) {
            if (m.getJsonValue().equals(method)) {
                return Optional.of(m);
            }
        }
        throw DomainException.invalid("mollie.method-unknown", Map.of("method", method));
    }
}
