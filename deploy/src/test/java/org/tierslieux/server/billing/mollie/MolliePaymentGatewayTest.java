package org.tierslieux.server.billing.mollie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tierslieux.server.testsupport.Demo.ADMIN;
import static org.tierslieux.server.testsupport.Demo.as;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tierslieux.billing.mollie.MollieAccounts;
import org.tierslieux.billing.mollie.MollieKey;
import org.tierslieux.billing.payment.PaymentGateway;
import org.tierslieux.billing.payment.PaymentGateway.PaymentRequest;
import org.tierslieux.billing.payment.PaymentGateway.RecurringRequest;
import org.tierslieux.billing.payment.PaymentGateway.Sequence;
import org.tierslieux.billing.payment.PaymentGateway.Status;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.tenancy.PlaceScope;
import org.tierslieux.server.mollie.MollieSimulator;
import org.tierslieux.server.testsupport.Demo;
import org.tierslieux.server.testsupport.MollieSimulatorResource;

/**
 * The adapter (PaymentGateway on Mollie) against the local Mollie server, each place with its own key: every
 * status, refunds partial/full/too large, customers, mandates and recurring charges, a key Mollie refuses, and
 * another place's payment (not found). Two fresh places per test, so the demo places' keys are left alone.
 */
@QuarkusTest
class MolliePaymentGatewayTest {

    @Inject
    PaymentGateway gateway;

    @Inject
    MollieAccounts accounts;

    @Inject
    PlaceDirectory places;

    @Inject
    PlaceScope scope;

    MollieSimulator simulator;
    PlaceRef place;
    PlaceRef other;
    String key;

    @BeforeEach
    void twoPlacesWithTheirKeys() {
        simulator = MollieSimulatorResource.simulator();
        place = newPlace();
        other = newPlace();
        key = MollieSimulator.newKey();
        String otherKey = MollieSimulator.newKey();
        simulator.registerKey(key).registerKey(otherKey).autoSettle(key, false);
        scope.run(place, () -> accounts.setUnchecked(new MollieKey(key)));
        scope.run(other, () -> accounts.setUnchecked(new MollieKey(otherKey)));
    }

    private PlaceRef newPlace() {
        String slug = "mollie-" + UUID.randomUUID().toString().substring(0, 8);
        as(ADMIN)
                .body(Demo.aPlace(slug, "Mollie " + slug))
                .post("/api/v1/network/places")
                .then()
                .statusCode(201);
        return places.bySlug(slug).orElseThrow();
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private PaymentRequest oneOff(String amount) {
        return new PaymentRequest(
                eur(amount),
                "Réservation salle Jacquard",
                "http://localhost/" + place.slug() + "/checkout/1/return",
                null,
                Map.of("place", place.slug(), "order", "o-1"),
                null,
                null,
                Sequence.ONEOFF);
    }

    @Test
    void a_payment_is_created_open_with_a_checkout_then_takes_each_status_the_payer_chooses() {
        assertThat(gateway.configured(place)).isTrue();
        for (String outcome : List.of("paid", "failed", "canceled", "expired", "pending", "authorized", "open")) {
            var created = gateway.create(place, oneOff("25.00"));
            assertThat(created.id()).startsWith("tr_");
            assertThat(created.status()).isEqualTo(Status.OPEN);
            assertThat(created.checkoutUrl()).isEqualTo(simulator.baseUrl() + "/checkout/" + created.id());
            assertThat(created.amount()).isEqualTo(eur("25.00"));
            assertThat(created.metadata()).containsEntry("order", "o-1").containsEntry("place", place.slug());

            simulator.complete(created.id(), outcome);
            var fetched = gateway.fetch(place, created.id()).orElseThrow();
            assertThat(fetched.status()).as(outcome).isEqualTo(Status.valueOf(outcome.toUpperCase()));
            assertThat(fetched.paidAt() != null).as("paidAt when " + outcome).isEqualTo(outcome.equals("paid"));
            assertThat(fetched.checkoutUrl() != null)
                    .as("checkout when " + outcome)
                    .isEqualTo(outcome.equals("open"));
            assertThat(fetched.status().finalFailure())
                    .isEqualTo(List.of("failed", "canceled", "expired").contains(outcome));
            if (outcome.equals("paid")) {
                assertThat(fetched.method()).isEqualTo("creditcard");
                assertThat(fetched.amountRefunded()).isEqualTo(eur("0.00"));
            }
        }
    }

    @Test
    void refunds_partial_then_full_and_a_refund_above_what_is_left_is_refused() {
        var payment = gateway.create(place, oneOff("40.00"));
        simulator.complete(payment.id(), "paid");

        var partial = gateway.refund(place, payment.id(), eur("15.00"), "Annulation partielle");
        assertThat(partial.id()).startsWith("re_");
        assertThat(partial.paymentId()).isEqualTo(payment.id());
        assertThat(partial.amount()).isEqualTo(eur("15.00"));
        assertThat(partial.status()).isEqualTo("pending");
        assertThat(gateway.fetch(place, payment.id()).orElseThrow().amountRefunded())
                .isEqualTo(eur("15.00"));

        assertThatThrownBy(() -> gateway.refund(place, payment.id(), eur("25.01"), "trop"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("payment.provider-refused");
                    assertThat(String.valueOf(e.arguments().get("detail"))).contains("higher than the remaining");
                });

        gateway.refund(place, payment.id(), eur("25.00"), "Le reste");
        assertThat(gateway.fetch(place, payment.id()).orElseThrow().amountRefunded())
                .isEqualTo(eur("40.00"));
        assertThatThrownBy(() -> gateway.refund(place, payment.id(), eur("0.01"), null))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.status()).isEqualTo(422));
        assertThatThrownBy(() -> gateway.refund(place, payment.id(), eur("0.00"), null))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("mollie.refund-amount-invalid"));
    }

    @Test
    void a_paid_first_payment_gives_a_valid_mandate_and_recurring_charges_settle_paid_or_failed() {
        String customer = gateway.createCustomer(place, "Mina Membre", "member@demo.test");
        assertThat(customer).startsWith("cst_");
        assertThat(gateway.mandates(place, customer)).isEmpty();

        var first = gateway.create(
                place,
                new PaymentRequest(
                        eur("30.00"),
                        "Abonnement Résident, premier mois",
                        "http://localhost/return",
                        null,
                        Map.of("subscription", "s-1"),
                        "directdebit",
                        customer,
                        Sequence.FIRST));
        simulator.complete(first.id(), "paid");
        var mandates = gateway.mandates(place, customer);
        assertThat(mandates).singleElement().satisfies(m -> {
            assertThat(m.id()).startsWith("mdt_");
            assertThat(m.valid()).isTrue();
            assertThat(m.method()).isEqualTo("directdebit");
        });
        assertThat(gateway.fetch(place, first.id()).orElseThrow().mandateId())
                .isEqualTo(mandates.getFirst().id());

        var charge = gateway.charge(
                place,
                new RecurringRequest(
                        eur("30.00"),
                        "Abonnement, mois 2",
                        null,
                        Map.of(),
                        customer,
                        mandates.getFirst().id()));
        assertThat(charge.status()).isEqualTo(Status.PENDING);
        assertThat(charge.checkoutUrl()).isNull();
        assertThat(charge.mandateId()).isEqualTo(mandates.getFirst().id());
        simulator.settle(charge.id());
        assertThat(gateway.fetch(place, charge.id()).orElseThrow().status()).isEqualTo(Status.PAID);

        simulator.nextChargeOutcomes(key, "failed");
        var failing = gateway.charge(
                place, new RecurringRequest(eur("30.00"), "Abonnement, mois 3", null, Map.of(), customer, null));
        simulator.settle(failing.id());
        assertThat(gateway.fetch(place, failing.id()).orElseThrow().status()).isEqualTo(Status.FAILED);

        // another place's key knows neither the customer nor its mandates
        assertThat(gateway.mandates(other, customer)).isEmpty();
    }

    @Test
    void a_recurring_charge_without_a_mandate_and_a_first_payment_without_customer_are_refused() {
        String customer = gateway.createCustomer(place, "Sans mandat", null);
        assertThatThrownBy(() ->
                        gateway.charge(place, new RecurringRequest(eur("5.00"), "x", null, Map.of(), customer, null)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("payment.provider-refused"));
        assertThatThrownBy(() -> gateway.create(
                        place,
                        new PaymentRequest(
                                eur("5.00"), "x", "http://localhost/r", null, Map.of(), null, null, Sequence.FIRST)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("mollie.customer-required"));
    }

    @Test
    void another_places_payment_is_not_found_with_this_places_key() {
        var payment = gateway.create(place, oneOff("10.00"));
        simulator.complete(payment.id(), "paid");
        assertThat(gateway.fetch(other, payment.id())).isEmpty();
        assertThat(gateway.fetch(place, "tr_doesNotExist")).isEmpty();
        assertThat(gateway.fetch(place, "not-an-id")).isEmpty();
        assertThatThrownBy(() -> gateway.refund(other, payment.id(), eur("1.00"), null))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(simulator.status(payment.id())).isEqualTo("paid");
    }

    @Test
    void a_key_mollie_does_not_know_is_refused_and_a_place_without_key_cannot_take_payments() {
        scope.run(other, () -> accounts.setUnchecked(new MollieKey("test_" + "Unknown".repeat(5))));
        assertThatThrownBy(() -> gateway.create(other, oneOff("10.00")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("payment.provider-refused");
                    assertThat(String.valueOf(e.arguments().get("detail"))).contains("authenticate");
                });
        scope.run(other, () -> accounts.remove());
        assertThat(gateway.configured(other)).isFalse();
        assertThatThrownBy(() -> gateway.create(other, oneOff("10.00")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("mollie.not-configured");
                });
    }

    @Test
    void the_key_is_stored_sealed_never_in_clear() {
        byte[][] stored = scope.call(
                place,
                () -> QuarkusTransaction.requiringNew().call(() -> {
                    Object[] row = (Object[]) Panache.getEntityManager()
                            .createNativeQuery(
                                    "select key_ciphertext, key_nonce, key_last4, key_mode from mollie_account")
                            .getSingleResult();
                    assertThat(row[2]).isEqualTo(key.substring(key.length() - 4));
                    assertThat(row[3]).isEqualTo("test");
                    return new byte[][] {(byte[]) row[0], (byte[]) row[1]};
                }));
        String ciphertext = new String(stored[0], StandardCharsets.ISO_8859_1);
        assertThat(ciphertext).doesNotContain(key).doesNotContain(key.substring(5, 20));
        assertThat(stored[0]).hasSize(key.length() + 16); // GCM: same length plus the 16-byte tag
        assertThat(stored[1]).hasSize(12);
        // and the other place sees no row but its own
        long rows = scope.call(
                other,
                () -> QuarkusTransaction.requiringNew()
                        .call(() -> ((Number) Panache.getEntityManager()
                                        .createNativeQuery("select count(*) from mollie_account")
                                        .getSingleResult())
                                .longValue()));
        assertThat(rows).isEqualTo(1);
    }
}
