package org.tierslieux.server.billing.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.aPack;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.aPlace;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.api;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.buy;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.count;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.documents;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.execute;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.keyOf;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.mollie;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.order;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.orderOf;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.payOnline;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.payerChooses;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.redelivered;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.refused;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.webhook;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;
import static org.tierslieux.server.testsupport.Demo.TREASURER;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.testsupport.Demo;

/**
 * A pack bought and paid: online through the real Mollie adapter and the local Mollie server (the webhook
 * replayed, late, out of order, forged, of another place, with a wrong amount), at the desk, by transfer with a
 * due date, refunded in part and in full (also while Mollie is down), free.
 */
@QuarkusTest
class PackCheckoutTest {

    @Test
    void a_pack_paid_online_is_confirmed_and_invoiced_once_whatever_the_webhook_replays() {
        String place = aPlace();
        String purchase = buy(place, aPack(place, "60")).getString("id");
        assertThat(status(place, purchase)).isEqualTo("PENDING");
        var order = orderOf(place, purchase);
        assertThat(order.getString("status")).isEqualTo("PENDING");
        assertThat(order.getString("amount.amount")).isEqualTo("60.00");
        String orderId = order.getString("id");

        String payment = payOnline(place, orderId, false);
        // the payer has not paid yet: the webhook changes nothing
        webhook(place, payment).then().statusCode(200);
        assertThat(order(MEMBER, place, orderId).getString("status")).isEqualTo("PENDING");

        payerChooses(payment, "paid");
        var paid = order(MEMBER, place, orderId);
        assertThat(paid.getString("status")).isEqualTo("PAID");
        assertThat(paid.getString("invoiceId")).isNotNull();
        assertThat(paid.getString("payments[0].status")).isEqualTo("PAID");
        assertThat(status(place, purchase)).isEqualTo("CONFIRMED");
        assertThat(documents(orderId, "INVOICE")).isEqualTo(1);

        // Mollie's retries, then a stale "open" and a late "canceled" read after "paid": nothing moves, no second
        // invoice
        redelivered(payment);
        webhook(place, payment).then().statusCode(200);
        mollie().staleStatus(payment, "open");
        redelivered(payment);
        mollie().staleStatus(payment, "canceled");
        redelivered(payment);
        assertThat(mollie().status(payment)).isEqualTo("paid");
        assertThat(mollie().webhookCalls(payment)).hasSize(4);
        var after = order(MEMBER, place, orderId);
        assertThat(after.getString("status")).isEqualTo("PAID");
        assertThat(after.getString("payments[0].status")).isEqualTo("PAID");
        assertThat(documents(orderId, "INVOICE")).isEqualTo(1);
    }

    @Test
    void a_failed_payment_can_be_retried_and_a_late_failure_never_undoes_the_retry() {
        String place = aPlace();
        String purchase = buy(place, aPack(place, "25")).getString("id");
        String orderId = orderOf(place, purchase).getString("id");
        String first = payOnline(place, orderId, false);
        payerChooses(first, "failed");
        assertThat(order(MEMBER, place, orderId).getString("status")).isEqualTo("PENDING");
        // the return page says it failed and offers to retry
        String page = Demo.browsing(MEMBER)
                .get("/" + place + "/checkout/" + orderId + "/return")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page).contains("data-outcome=\"failed\"").contains("id=\"retry\"");

        String second = payOnline(place, orderId, false);
        assertThat(second).isNotEqualTo(first);
        payerChooses(second, "paid");
        // the first one's failure arrives again, late
        redelivered(first);
        assertThat(order(MEMBER, place, orderId).getString("status")).isEqualTo("PAID");
        assertThat(documents(orderId, "INVOICE")).isEqualTo(1);
        String back = Demo.browsing(MEMBER)
                .get("/" + place + "/checkout/" + orderId + "/return")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(back).contains("data-outcome=\"paid\"");
    }

    @Test
    void forged_and_other_places_ids_are_404_and_a_wrong_amount_409_and_nothing_changes() {
        String place = aPlace();
        String other = aPlace();
        String orderId =
                orderOf(place, buy(place, aPack(place, "40")).getString("id")).getString("id");
        String payment = payOnline(place, orderId, false);
        // a payment of another place's Mollie account, at this place's webhook
        String otherOrder =
                orderOf(other, buy(other, aPack(other, "40")).getString("id")).getString("id");
        String othersPayment = payOnline(other, otherOrder, false);

        refused(webhook(place, "tr_doesnotexist"), 404, "payment.not-found");
        refused(webhook(place, "../../etc/passwd"), 404, "payment.not-found");
        refused(webhook(place, ""), 404, "payment.not-found");
        refused(webhook(place, othersPayment), 404, "payment.not-found");
        // a real payment of this place, announced at another place's webhook
        refused(webhook(other, payment), 404, "payment.not-found");
        refused(webhook("no-such-place", payment), 404, "place.not-found");
        assertThat(order(MEMBER, place, orderId).getString("status")).isEqualTo("PENDING");

        // Mollie reports another amount than the order's (a broken or tampered account), then says paid
        mollie().alterAmount(payment, "0.01");
        mollie().complete(payment, "paid");
        assertThat(mollie().webhookCalls(payment).getLast().responseStatus()).isEqualTo(409);
        refused(webhook(place, payment), 409, "payment.amount-mismatch");
        // paid now, and still another place's business at that place's webhook
        refused(webhook(other, payment), 404, "payment.not-found");
        assertThat(order(MEMBER, other, otherOrder).getString("status")).isEqualTo("PENDING");
        var order = order(MEMBER, place, orderId);
        assertThat(order.getString("status")).isEqualTo("PENDING");
        assertThat(order.getString("payments[0].status")).isEqualTo("OPEN");
        assertThat(documents(orderId, "INVOICE")).isZero();
    }

    @Test
    void a_pack_billed_to_the_members_company_is_invoiced_to_the_company_with_its_siren_vat_and_address() {
        String place = aPlace();
        String member = Demo.as(MEMBER)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        String company = Demo.as(MANAGER)
                .body(Map.of(
                        "name", "Coop Jacquard",
                        "siret", "73282932000074",
                        "vatNumber", "FR44732829320",
                        "billingContactId", member,
                        "street", "3 rue des Canuts",
                        "postalCode", "69004",
                        "city", "Lyon",
                        "country", "FR"))
                .post(api(place) + "/companies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Demo.as(MANAGER)
                .put(api(place) + "/companies/" + company + "/members/" + member)
                .then()
                .statusCode(200);
        String orderId =
                orderOf(place, buy(place, aPack(place, "72")).getString("id")).getString("id");
        payerChooses(payOnline(place, orderId, false), "paid");

        String invoiceId = order(MEMBER, place, orderId).getString("invoiceId");
        var invoice = Demo.as(MEMBER)
                .get(api(place) + "/invoices/" + invoiceId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(invoice.getString("buyer.name")).isEqualTo("Coop Jacquard");
        assertThat(invoice.getString("buyer.siret")).isEqualTo("73282932000074");
        assertThat(invoice.getString("buyer.siren")).isEqualTo("732829320");
        assertThat(invoice.getString("buyer.vatNumber")).isEqualTo("FR44732829320");
        assertThat(invoice.getString("buyer.address.city")).isEqualTo("Lyon");
        assertThat(invoice.getString("buyer.address.postalCode")).isEqualTo("69004");
        assertThat(invoice.getBoolean("buyer.business")).isTrue();
        assertThat(invoice.getString("buyerCompanyId")).isEqualTo(company);
        assertThat(invoice.getString("buyerPersonId")).isEqualTo(member);
        assertThat(invoice.getList("lines.category")).containsExactly("PACK");
        assertThat(invoice.getString("totalInclVat.amount")).isEqualTo("72.00");
        // a business buyer: the late-penalty and 40 € recovery-fee mentions
        assertThat(String.join("\n", invoice.<String>getList("mentions"))).contains("40");
    }

    @Test
    void the_desk_records_a_payment_and_members_see_only_their_orders() {
        String place = aPlace();
        String purchase = buy(place, aPack(place, "30")).getString("id");
        String orderId = orderOf(place, purchase).getString("id");
        // a member cannot record a payment, another member cannot see the order
        Demo.as(MEMBER)
                .body(Map.of("method", "CASH"))
                .post(api(place) + "/orders/" + orderId + "/payments")
                .then()
                .statusCode(403);
        String otherMember = CheckoutSteps.aPerson(place, "MEMBER");
        refused(CheckoutSteps.as(otherMember).get(api(place) + "/orders/" + orderId), 404, "order.not-found");
        refused(
                Demo.as(MANAGER)
                        .body(Map.of("method", "BITCOIN"))
                        .post(api(place) + "/orders/" + orderId + "/payments"),
                422,
                "payment.method-invalid");

        Demo.as(TREASURER)
                .body(Map.of("method", "cheque", "reference", "Chèque 1234567"))
                .post(api(place) + "/orders/" + orderId + "/payments")
                .then()
                .statusCode(201);
        var paid = order(MEMBER, place, orderId);
        assertThat(paid.getString("status")).isEqualTo("PAID");
        assertThat(paid.getString("payments[0].method")).isEqualTo("CHEQUE");
        assertThat(paid.getString("payments[0].reference")).isEqualTo("Chèque 1234567");
        assertThat(status(place, purchase)).isEqualTo("CONFIRMED");
        assertThat(documents(orderId, "INVOICE")).isEqualTo(1);
        refused(
                Demo.as(MANAGER).body(Map.of("method", "CASH")).post(api(place) + "/orders/" + orderId + "/payments"),
                409,
                "order.not-pending");
        List<?> mine = CheckoutSteps.as(otherMember)
                .get(api(place) + "/orders")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        assertThat(mine).isEmpty();
    }

    @Test
    void a_transfer_is_invoiced_at_order_with_a_due_date_and_its_payment_issues_no_second_invoice() {
        String place = aPlace();
        String purchase = buy(place, aPack(place, "120")).getString("id");
        String orderId = orderOf(place, purchase).getString("id");
        Demo.as(TREASURER)
                .post(api(place) + "/orders/" + orderId + "/transfer-invoice")
                .then()
                .statusCode(200);
        assertThat(order(MEMBER, place, orderId).getString("status")).isEqualTo("PENDING");
        assertThat(status(place, purchase)).isEqualTo("CONFIRMED");
        assertThat(count("select count(*) from document where order_id = ?::uuid and due_date is not null", orderId))
                .isEqualTo(1);
        refused(
                Demo.as(TREASURER).post(api(place) + "/orders/" + orderId + "/transfer-invoice"),
                409,
                "order.already-invoiced");

        Demo.as(TREASURER)
                .body(Map.of("method", "TRANSFER", "reference", "VIR SEPA 2026-11"))
                .post(api(place) + "/orders/" + orderId + "/payments")
                .then()
                .statusCode(201);
        assertThat(order(MEMBER, place, orderId).getString("status")).isEqualTo("PAID");
        assertThat(documents(orderId, "INVOICE")).isEqualTo(1);
    }

    @Test
    void refunds_issue_credit_notes_and_never_exceed_what_was_paid() {
        String place = aPlace();
        String orderId =
                orderOf(place, buy(place, aPack(place, "60")).getString("id")).getString("id");
        refused(
                Demo.as(MANAGER).body(Map.of()).post(api(place) + "/orders/" + orderId + "/refunds"),
                409,
                "order.not-paid");
        String payment = payOnline(place, orderId, false);
        payerChooses(payment, "paid");

        Demo.as(TREASURER)
                .body(Map.of("amount", Map.of("amount", "20.00"), "reason", "Une journée non utilisée"))
                .post(api(place) + "/orders/" + orderId + "/refunds")
                .then()
                .statusCode(201);
        var partly = order(MEMBER, place, orderId);
        assertThat(partly.getString("status")).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(partly.getString("refunded.amount")).isEqualTo("20.00");
        assertThat(partly.getString("refunds[0].status")).isEqualTo("SENT");
        assertThat(partly.getString("refunds[0].creditNoteId")).isNotNull();
        assertThat(mollie().refunds(payment))
                .singleElement()
                .satisfies(r -> assertThat(r.at("/amount/value").asText()).isEqualTo("20.00"));
        assertThat(documents(orderId, "CREDIT_NOTE")).isEqualTo(1);

        refused(
                Demo.as(TREASURER)
                        .body(Map.of("amount", Map.of("amount", "40.01")))
                        .post(api(place) + "/orders/" + orderId + "/refunds"),
                422,
                "payment.refund-too-large");
        refused(
                Demo.as(TREASURER)
                        .body(Map.of("amount", Map.of("amount", "-5")))
                        .post(api(place) + "/orders/" + orderId + "/refunds"),
                422,
                "payment.refund-not-positive");
        refused(
                Demo.as(TREASURER)
                        .body(Map.of("amount", Map.of("amount", "abc")))
                        .post(api(place) + "/orders/" + orderId + "/refunds"),
                422,
                "price.amount-invalid");
        assertThat(documents(orderId, "CREDIT_NOTE")).isEqualTo(1);

        // the rest, all that is left
        Demo.as(TREASURER)
                .body(Map.of())
                .post(api(place) + "/orders/" + orderId + "/refunds")
                .then()
                .statusCode(201);
        var all = order(MEMBER, place, orderId);
        assertThat(all.getString("status")).isEqualTo("REFUNDED");
        assertThat(all.getString("refunded.amount")).isEqualTo("60.00");
        assertThat(documents(orderId, "CREDIT_NOTE")).isEqualTo(2);
        assertThat(count(
                        "select coalesce(sum(total_incl_vat), 0) from document where order_id = ?::uuid"
                                + " and type = 'CREDIT_NOTE'",
                        orderId))
                .isEqualTo(60);
        assertThat(mollie().refunds(payment)).hasSize(2);
        assertThat(mollie().paymentJson(payment).at("/amountRemaining/value").asText())
                .isEqualTo("0.00");
        refused(
                Demo.as(TREASURER).body(Map.of()).post(api(place) + "/orders/" + orderId + "/refunds"),
                422,
                "payment.refund-too-large");
    }

    @Test
    void a_refund_the_provider_cannot_take_now_is_kept_and_sent_later() {
        String place = aPlace();
        String orderId =
                orderOf(place, buy(place, aPack(place, "15")).getString("id")).getString("id");
        String payment = payOnline(place, orderId, false);
        payerChooses(payment, "paid");
        mollie().unavailable(keyOf(place), true);
        try {
            Demo.as(TREASURER)
                    .body(Map.of())
                    .post(api(place) + "/orders/" + orderId + "/refunds")
                    .then()
                    .statusCode(201);
        } finally {
            mollie().unavailable(keyOf(place), false);
        }
        var waiting = order(MEMBER, place, orderId);
        assertThat(waiting.getString("refunds[0].status")).isEqualTo("TO_SEND");
        assertThat(documents(orderId, "CREDIT_NOTE")).isEqualTo(1);
        assertThat(mollie().refunds(payment)).isEmpty();
        assertThat(refundRetry.retryIn(place)).isEqualTo(1);
        assertThat(order(MEMBER, place, orderId).getString("refunds[0].status")).isEqualTo("SENT");
        assertThat(mollie().refunds(payment)).hasSize(1);
    }

    @Inject
    RefundRetry refundRetry;

    @Test
    void a_free_pack_is_confirmed_at_once_with_an_invoice_at_zero_only_when_the_place_asks() {
        String place = aPlace();
        String pack = aPack(place, "0");
        String purchase = buy(place, pack).getString("id");
        assertThat(status(place, purchase)).isEqualTo("CONFIRMED");
        var order = orderOf(place, purchase);
        assertThat(order.getString("status")).isEqualTo("PAID");
        assertThat(order.getString("amount.amount")).isEqualTo("0.00");
        assertThat(documents(order.getString("id"), "INVOICE")).isZero();
        refused(
                Demo.as(MEMBER).body(Map.of()).post(api(place) + "/orders/" + order.getString("id") + "/checkout"),
                409,
                "order.not-pending");

        execute(
                "insert into invoice_settings (tenant_id, issue_zero_invoices) select id, true from place"
                        + " where slug = ?",
                place);
        String second = buy(place, pack).getString("id");
        var zero = orderOf(place, second);
        assertThat(zero.getString("status")).isEqualTo("PAID");
        assertThat(documents(zero.getString("id"), "INVOICE")).isEqualTo(1);
    }

    @Test
    void a_place_that_does_not_require_payment_first_confirms_at_once_and_its_order_waits_for_the_desk() {
        String place = aPlace();
        Demo.as(MANAGER)
                .body(Map.of("holdMinutes", 30, "paymentRequired", false))
                .put(api(place) + "/orders/settings")
                .then()
                .statusCode(200);
        String purchase = buy(place, aPack(place, "50")).getString("id");
        assertThat(status(place, purchase)).isEqualTo("CONFIRMED");
        String orderId = orderOf(place, purchase).getString("id");
        assertThat(order(MEMBER, place, orderId).getString("status")).isEqualTo("PENDING");
        Demo.as(TREASURER)
                .body(Map.of("method", "CASH"))
                .post(api(place) + "/orders/" + orderId + "/payments")
                .then()
                .statusCode(201);
        assertThat(order(MEMBER, place, orderId).getString("status")).isEqualTo("PAID");
        assertThat(status(place, purchase)).isEqualTo("CONFIRMED");
        assertThat(documents(orderId, "INVOICE")).isEqualTo(1);
        refused(
                Demo.as(MANAGER).body(Map.of("holdMinutes", 1)).put(api(place) + "/orders/settings"),
                400,
                "request.invalid");
    }

    @Test
    void the_desk_page_lists_orders_and_records_a_payment() {
        String place = aPlace();
        String orderId =
                orderOf(place, buy(place, aPack(place, "45")).getString("id")).getString("id");
        String page = Demo.browsing(MANAGER)
                .get("/" + place + "/manage/orders")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page).contains("id=\"order-" + orderId + "\"").contains("45.00");
        String pay = Demo.browsing(MEMBER)
                .get("/" + place + "/checkout/" + orderId)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(pay).contains("id=\"pay-online\"").contains("45.00");
        Demo.browsing(MANAGER)
                .formParam("method", "CASH")
                .post("/" + place + "/manage/orders/" + orderId + "/payments")
                .then()
                .statusCode(303);
        assertThat(order(MEMBER, place, orderId).getString("status")).isEqualTo("PAID");
        Demo.browsing(MEMBER).get("/" + place + "/manage/orders").then().statusCode(403);
    }

    private static String status(String place, String purchase) {
        List<Map<String, Object>> mine = Demo.as(MEMBER)
                .get(api(place) + "/pack-purchases/mine")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        return mine.stream()
                .filter(p -> purchase.equals(p.get("id")))
                .map(p -> (String) p.get("status"))
                .findFirst()
                .orElseThrow();
    }
}
