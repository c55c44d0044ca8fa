package org.tierslieux.server.billing.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.aPlace;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.api;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.count;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.documents;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.keyOf;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.mollie;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.orderOf;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.payOnline;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.payerChooses;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.redelivered;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.booking.MovableClock;
import org.tierslieux.server.testsupport.Demo;

/**
 * A subscription waits for its first payment; paid with a SEPA mandate, its renewals charge the mandate: a failed
 * charge makes it past due, a later payment makes it active again, a successful one invoices the period. The
 * provider is the real Mollie adapter on the local Mollie server: the first payment ({@code sequenceType first},
 * direct debit) creates the mandate, renewals are {@code recurring} payments that stay pending until the test
 * settles them (paid, or failed when queued so).
 */
@QuarkusTest
class SubscriptionCheckoutTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void sepa_first_payment_then_a_failed_renewal_is_past_due_and_a_paid_one_is_invoiced() {
        MovableClock clock = MovableClock.install();
        String place = aPlace();
        String plan = Demo.as(MANAGER)
                .body(Map.of(
                        "name",
                        "Résident",
                        "period",
                        "MONTH",
                        "price",
                        Map.of("amount", "90", "currency", "EUR"),
                        "vatRate",
                        "20",
                        "credits",
                        List.of()))
                .post(api(place) + "/plans")
                .then()
                .statusCode(201)
                .extract()
                .<String>path("id");
        String subscription = Demo.as(MEMBER)
                .body(Map.of("planId", plan))
                .post(api(place) + "/subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(status(place, subscription)).isEqualTo("PENDING");
        var first = orderOf(place, subscription);
        assertThat(first.getString("status")).isEqualTo("PENDING");
        String firstOrder = first.getString("id");

        String key = keyOf(place);
        mollie().autoSettle(key, false);
        String payment = payOnline(place, firstOrder, true);
        var asked = mollie().paymentJson(payment);
        assertThat(asked.get("sequenceType").asText()).isEqualTo("first");
        assertThat(asked.get("method").asText()).isEqualTo("directdebit");
        assertThat(asked.get("customerId").asText()).startsWith("cst_");
        payerChooses(payment, "paid");
        String mandate = mollie().paymentJson(payment).get("mandateId").asText();
        assertThat(mandate).startsWith("mdt_");
        assertThat(status(place, subscription)).isEqualTo("ACTIVE");
        assertThat(documents(firstOrder, "INVOICE")).isEqualTo(1);
        assertThat(count(
                        "select count(*) from subscription_mandate where subscription_id = ?::uuid and mandate_id = ?",
                        subscription,
                        mandate))
                .isEqualTo(1);

        // next month: the renewal charges the mandate, the bank says no
        mollie().nextChargeOutcomes(key, "failed");
        LocalDate next = LocalDate.now(PARIS).withDayOfMonth(1).plusMonths(1);
        clock.setTo(next.atTime(12, 0).atZone(PARIS).toInstant());
        renew(place);
        var renewal = orderOf(place, subscription);
        String renewalOrder = renewal.getString("id");
        assertThat(renewalOrder).isNotEqualTo(firstOrder);
        assertThat(renewal.getString("amount.amount")).isEqualTo("90.00");
        assertThat(renewal.getString("payments[0].channel")).isEqualTo("RECURRING");
        String charge = renewal.getString("payments[0].providerId");
        var recurring = mollie().paymentJson(charge);
        assertThat(recurring.get("sequenceType").asText()).isEqualTo("recurring");
        assertThat(recurring.get("mandateId").asText()).isEqualTo(mandate);
        assertThat(recurring.get("amount").get("value").asText()).isEqualTo("90.00");
        assertThat(mollie().status(charge)).isEqualTo("pending");
        mollie().settle(charge);
        CheckoutSteps.assertLastWebhookOk(charge);
        assertThat(mollie().status(charge)).isEqualTo("failed");
        assertThat(status(place, subscription)).isEqualTo("PAST_DUE");
        assertThat(documents(renewalOrder, "INVOICE")).isZero();
        // a replayed failure changes nothing more; the member pays at the desk: active again, invoiced
        redelivered(charge);
        assertThat(status(place, subscription)).isEqualTo("PAST_DUE");
        Demo.as(MANAGER)
                .body(Map.of("method", "CASH"))
                .post(api(place) + "/orders/" + renewalOrder + "/payments")
                .then()
                .statusCode(201);
        assertThat(status(place, subscription)).isEqualTo("ACTIVE");
        assertThat(documents(renewalOrder, "INVOICE")).isEqualTo(1);

        // the month after: the charge goes through
        clock.setTo(next.plusMonths(1).atTime(12, 0).atZone(PARIS).toInstant());
        renew(place);
        var third = orderOf(place, subscription);
        assertThat(third.getString("id")).isNotIn(firstOrder, renewalOrder);
        String ok = third.getString("payments[0].providerId");
        assertThat(mollie().status(ok)).isEqualTo("pending");
        assertThat(orderOf(place, subscription).getString("status")).isEqualTo("PENDING");
        mollie().settle(ok);
        CheckoutSteps.assertLastWebhookOk(ok);
        assertThat(mollie().status(ok)).isEqualTo("paid");
        redelivered(ok);
        assertThat(orderOf(place, subscription).getString("status")).isEqualTo("PAID");
        assertThat(documents(third.getString("id"), "INVOICE")).isEqualTo(1);
        assertThat(status(place, subscription)).isEqualTo("ACTIVE");
        // the renewal job run again renews nothing and opens no second order
        renew(place);
        assertThat(count("select count(*) from sale_order where subject_id = ?::uuid", subscription))
                .isEqualTo(3);
    }

    private static void renew(String place) {
        Demo.as(MANAGER).post(api(place) + "/subscriptions/renewals").then().statusCode(200);
    }

    private static String status(String place, String subscription) {
        return Demo.as(MEMBER)
                .get(api(place) + "/subscriptions/" + subscription)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }
}
