package org.tierslieux.billing.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tierslieux.billing.payment.PaymentGateway;
import org.tierslieux.billing.payment.PaymentGateway.Status;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.people.PersonId;

/** The webhook's rule, without a database: whatever the order of the calls, a payment is settled once. */
class OrderPaymentTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final Money PRICE = Money.of("20.00", "EUR");

    private static OrderPayment aPayment() {
        SaleOrder order = new SaleOrder(
                new PersonId(UUID.randomUUID()),
                null,
                "PACK",
                UUID.randomUUID(),
                UUID.randomUUID(),
                "Carnet",
                PRICE,
                NOW);
        return OrderPayment.online(order, seen(Status.OPEN), "ONEOFF", null, NOW);
    }

    private static PaymentGateway.Payment seen(Status status) {
        return new PaymentGateway.Payment(
                "tr_test",
                status,
                PRICE,
                Money.zero(PRICE.currency()),
                "https://pay.example/x",
                null,
                null,
                null,
                Map.of(),
                status == Status.PAID ? NOW : null);
    }

    @Test
    void paid_is_final_and_settles_exactly_once_whatever_the_order_of_the_calls() {
        Random random = new Random(42);
        Status[] all = Status.values();
        for (int run = 0; run < 2_000; run++) {
            OrderPayment payment = aPayment();
            List<Status> calls = new ArrayList<>();
            int settled = 0;
            boolean paidSeen = false;
            for (int i = 0; i < 8; i++) {
                Status next = all[random.nextInt(all.length)];
                calls.add(next);
                if (payment.follow(seen(next), NOW)) {
                    settled++;
                }
                paidSeen |= next == Status.PAID;
                if (paidSeen) {
                    assertEquals(Status.PAID, payment.status(), () -> "after " + calls);
                }
            }
            assertEquals(paidSeen ? 1 : 0, settled, () -> "settled for " + calls);
        }
    }

    @Test
    void a_final_failure_is_not_revived_by_a_stale_open() {
        OrderPayment payment = aPayment();
        payment.follow(seen(Status.FAILED), NOW);
        assertFalse(payment.follow(seen(Status.OPEN), NOW));
        assertEquals(Status.FAILED, payment.status());
        assertTrue(payment.follow(seen(Status.PAID), NOW));
        assertEquals(Status.PAID, payment.status());
        assertNull(payment.checkoutUrl());
    }

    @Test
    void an_order_is_refunded_in_parts_up_to_its_amount() {
        SaleOrder order = new SaleOrder(
                new PersonId(UUID.randomUUID()),
                null,
                "PACK",
                UUID.randomUUID(),
                UUID.randomUUID(),
                "Carnet",
                PRICE,
                NOW);
        order.markPaid(NOW);
        order.refunded(Money.of("5", "EUR"));
        assertEquals(OrderStatus.PARTIALLY_REFUNDED, order.status());
        order.refunded(Money.of("15", "EUR"));
        assertEquals(OrderStatus.REFUNDED, order.status());
    }
}
