package org.tierslieux.server.billing.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.aPlace;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.api;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.count;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.documents;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.mollie;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.orderOf;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.payOnline;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.payerChooses;
import static org.tierslieux.server.billing.checkout.CheckoutSteps.redelivered;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;
import static org.tierslieux.server.testsupport.Demo.TREASURER;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tierslieux.core.booking.BookingService;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.tenancy.PlaceScope;
import org.tierslieux.server.booking.MovableClock;
import org.tierslieux.server.testsupport.Bookings;
import org.tierslieux.server.testsupport.Demo;

/**
 * A booking that costs something is held until paid: released after the place's delay when it is not, confirmed
 * when paid online (through the real Mollie adapter and the local Mollie server) or at the desk, refunded with a
 * credit note when cancelled once paid.
 */
@QuarkusTest
class BookingCheckoutTest {

    @Inject
    BookingService bookings;

    @Inject
    PlaceScope scope;

    @Inject
    PlaceDirectory places;

    private String place;
    private String room;

    private void aPricedRoom() {
        place = aPlace();
        room = Bookings.aResource(place, "ROOM", "Salle " + place);
        Demo.as(MANAGER)
                .body(Map.of("resourceId", room, "unit", "HOUR", "amount", "10", "vatRate", "20"))
                .post(api(place) + "/prices")
                .then()
                .statusCode(201);
    }

    private String book(LocalDate day, int from, int to) {
        var answer = Demo.as(MEMBER)
                .body(Map.of("resourceId", room, "start", Bookings.at(day, from), "end", Bookings.at(day, to)))
                .post(api(place) + "/bookings")
                .then()
                .statusCode(201)
                .extract();
        assertThat(answer.<String>path("status")).isEqualTo("HELD");
        return answer.path("id");
    }

    private String bookingStatus(String booking) {
        for (String status : java.util.List.of("HELD", "CONFIRMED", "CANCELLED", "EXPIRED", "NO_SHOW")) {
            if (count("select count(*) from booking where id = ?::uuid and status = ?", booking, status) == 1) {
                return status;
            }
        }
        throw new AssertionError("No booking " + booking);
    }

    private int expireHolds() {
        return scope.call(places.bySlug(place).orElseThrow(), bookings::expireHolds);
    }

    @Test
    void an_unpaid_booking_is_released_after_the_delay_and_its_order_expires() {
        MovableClock clock = MovableClock.install();
        aPricedRoom();
        Demo.as(MANAGER)
                .body(Map.of("holdMinutes", 20, "payAtDesk", true))
                .put(api(place) + "/orders/settings")
                .then()
                .statusCode(200);
        String booking = book(Bookings.aTuesday(), 10, 12);
        var order = orderOf(place, booking);
        assertThat(order.getString("status")).isEqualTo("PENDING");
        assertThat(order.getString("amount.amount")).isEqualTo("20.00");
        assertThat(order.getString("subjectType")).isEqualTo("BOOKING");

        clock.advance(Duration.ofMinutes(19));
        assertThat(expireHolds()).isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(expireHolds()).isEqualTo(1);
        assertThat(bookingStatus(booking)).isEqualTo("EXPIRED");
        assertThat(orderOf(place, booking).getString("status")).isEqualTo("EXPIRED");
        assertThat(documents(order.getString("id"), "INVOICE")).isZero();
    }

    @Test
    void a_booking_paid_at_the_desk_is_confirmed_and_a_managers_cancellation_refunds_it_with_a_credit_note() {
        aPricedRoom();
        String booking = book(Bookings.aTuesday(), 14, 15);
        String orderId = orderOf(place, booking).getString("id");
        Demo.as(MANAGER)
                .body(Map.of("method", "CARD_TERMINAL"))
                .post(api(place) + "/orders/" + orderId + "/payments")
                .then()
                .statusCode(201);
        assertThat(bookingStatus(booking)).isEqualTo("CONFIRMED");
        assertThat(documents(orderId, "INVOICE")).isEqualTo(1);
        assertThat(count(
                        "select count(*) from document_line l join document d on d.tenant_id = l.tenant_id"
                                + " and d.id = l.document_id where d.order_id = ?::uuid and l.category = 'ROOM'",
                        orderId))
                .isEqualTo(1);

        Demo.as(MANAGER)
                .body(Map.of("reason", "Salle inondée"))
                .post(api(place) + "/bookings/" + booking + "/cancel")
                .then()
                .statusCode(200);
        var refunded = orderOf(place, booking);
        assertThat(refunded.getString("status")).isEqualTo("REFUNDED");
        assertThat(refunded.getString("refunds[0].status")).isEqualTo("RECORDED");
        assertThat(documents(orderId, "CREDIT_NOTE")).isEqualTo(1);
    }

    @Test
    void a_booking_paid_online_is_confirmed_and_the_members_cancellation_refunds_through_the_provider() {
        aPricedRoom();
        String booking = book(Bookings.aTuesday(), 9, 10);
        String orderId = orderOf(place, booking).getString("id");
        // the pay page of the booking leads to its order's page
        String location = Demo.browsing(MEMBER)
                .get("/" + place + "/checkout/booking/" + booking)
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        assertThat(location).endsWith("/" + place + "/checkout/" + orderId);
        String payment = payOnline(place, orderId, false);
        // the payer pays on Mollie's page, which calls the webhook and sends them back to the return page
        String back = mollie().complete(payment, "paid").orElseThrow();
        CheckoutSteps.assertLastWebhookOk(payment);
        assertThat(back).endsWith("/" + place + "/checkout/" + orderId + "/return");
        assertThat(bookingStatus(booking)).isEqualTo("CONFIRMED");
        String page = Demo.browsing(MEMBER)
                .get("/" + place + "/checkout/" + orderId + "/return")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page).contains("data-outcome=\"paid\"");

        // a real invoice, in the place's ledger: the member sees it, its chain verifies
        var paid = orderOf(place, booking);
        String invoiceId = paid.getString("invoiceId");
        assertThat(invoiceId).isNotNull();
        var mine = Demo.as(MEMBER)
                .get(api(place) + "/invoices")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(mine.getList("items.id")).containsExactly(invoiceId);
        assertThat(mine.getString("items[0].type")).isEqualTo("INVOICE");
        assertThat(mine.getString("items[0].totalInclVat.amount")).isEqualTo("10.00");
        var invoice = Demo.as(MEMBER)
                .get(api(place) + "/invoices/" + invoiceId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(invoice.getString("number")).isNotBlank();
        assertThat(invoice.getString("orderId")).isEqualTo(orderId);
        assertThat(invoice.getString("subjectType")).isEqualTo("BOOKING");
        assertThat(invoice.getString("subjectId")).isEqualTo(booking);
        assertThat(invoice.getString("buyer.email")).isEqualTo(MEMBER);
        assertThat(invoice.getBoolean("buyer.business")).isFalse();
        assertThat(invoice.getString("seller.siret")).isNotBlank();
        assertThat(invoice.getString("totalExclVat.amount")).isEqualTo("8.33");
        assertThat(invoice.getString("totalInclVat.amount")).isEqualTo("10.00");
        assertThat(invoice.getList("lines.category")).containsExactly("ROOM");
        assertThat(invoice.getString("paidAt")).isNotNull();
        verified(place, 1);

        Demo.as(MEMBER)
                .body(Map.of())
                .post(api(place) + "/bookings/" + booking + "/cancel")
                .then()
                .statusCode(200);
        var refunded = orderOf(place, booking);
        assertThat(refunded.getString("status")).isEqualTo("REFUNDED");
        assertThat(refunded.getString("refunds[0].status")).isEqualTo("SENT");
        assertThat(mollie().refunds(payment))
                .singleElement()
                .satisfies(r -> assertThat(r.at("/amount/value").asText()).isEqualTo("10.00"));
        assertThat(documents(orderId, "CREDIT_NOTE")).isEqualTo(1);
        var notes = Demo.as(MEMBER)
                .get(api(place) + "/invoices?type=CREDIT_NOTE")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(notes.getString("items[0].originalId")).isEqualTo(invoiceId);
        verified(place, 2);
    }

    /** The place's chain of documents verifies, with {@code documents} links. */
    private static void verified(String place, int documents) {
        var verification = Demo.as(TREASURER)
                .get(api(place) + "/invoices/verification")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(verification.getBoolean("valid")).isTrue();
        assertThat(verification.getInt("checked")).isEqualTo(documents);
        assertThat(verification.get("firstBroken") == null).isTrue();
    }

    @Test
    void booking_through_the_pages_leads_to_the_pay_page_of_its_order() {
        aPricedRoom();
        LocalDate day = Bookings.aTuesday();
        String location = Demo.browsing(MEMBER)
                .formParam("resourceId", room)
                .formParam(
                        "start",
                        java.time.OffsetDateTime.parse(Bookings.at(day, 11))
                                .toInstant()
                                .toString())
                .formParam(
                        "end",
                        java.time.OffsetDateTime.parse(Bookings.at(day, 12))
                                .toInstant()
                                .toString())
                .post("/" + place + "/book")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        assertThat(location).contains("/" + place + "/checkout/");
        String orderId = location.substring(location.lastIndexOf('/') + 1);
        String page = Demo.browsing(MEMBER)
                .get("/" + place + "/checkout/" + orderId)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page).contains("10.00").contains("id=\"hold-until\"").contains("id=\"pay-online\"");
    }

    @Test
    void money_arriving_after_the_hold_ran_out_is_invoiced_then_refunded_in_full() {
        MovableClock clock = MovableClock.install();
        aPricedRoom();
        String booking = book(Bookings.aTuesday(), 16, 17);
        String orderId = orderOf(place, booking).getString("id");
        String payment = payOnline(place, orderId, false);
        clock.advance(Duration.ofMinutes(31));
        assertThat(expireHolds()).isEqualTo(1);
        assertThat(orderOf(place, booking).getString("status")).isEqualTo("EXPIRED");

        payerChooses(payment, "paid");
        var late = orderOf(place, booking);
        assertThat(late.getString("status")).isEqualTo("REFUNDED");
        assertThat(bookingStatus(booking)).isEqualTo("EXPIRED");
        assertThat(documents(orderId, "INVOICE")).isEqualTo(1);
        assertThat(documents(orderId, "CREDIT_NOTE")).isEqualTo(1);
        assertThat(mollie().refunds(payment)).hasSize(1);
        assertThat(mollie().paymentJson(payment).at("/amountRemaining/value").asText())
                .isEqualTo("0.00");
        redelivered(payment);
        assertThat(documents(orderId, "INVOICE")).isEqualTo(1);
        assertThat(mollie().refunds(payment)).hasSize(1);
    }
}
