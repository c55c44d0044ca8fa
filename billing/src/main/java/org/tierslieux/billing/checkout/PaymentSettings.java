package org.tierslieux.billing.checkout;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.tierslieux.core.error.DomainException;

/**
 * A place's payment settings (table {@code payment_settings}, defaults when the place never saved any) and the two
 * invoicing settings checkout reads ({@code invoice_settings}: zero invoices, the due delay of transfers).
 */
@ApplicationScoped
public class PaymentSettings {

    /**
     * How long an unpaid booking holds its slot; whether the pay page offers "pay at the desk"; whether what costs
     * something waits for its payment ({@code paymentRequired}: bookings held, purchases pending) or is confirmed at
     * once and paid later (the default: its order stays pending for the desk or the member's pay page).
     */
    public record Settings(int holdMinutes, boolean payAtDesk, boolean paymentRequired) {
        public Duration hold() {
            return Duration.ofMinutes(holdMinutes);
        }
    }

    record InvoiceTerms(boolean issueZeroInvoices, int transferDueDays) {}

    static final Settings DEFAULTS = new Settings(30, true, false);

    @Transactional
    public Settings current() {
        List<?> rows = Panache.getEntityManager()
                .createNativeQuery(
                        "select hold_minutes, pay_at_desk, payment_required from payment_settings", Object[].class)
                .getResultList();
        if (rows.isEmpty()) {
            return DEFAULTS;
        }
        Object[] row = (Object[]) rows.get(0);
        return new Settings(((Number) row[0]).intValue(), (Boolean) row[1], (Boolean) row[2]);
    }

    @Transactional
    public Settings save(Settings settings) {
        if (settings.holdMinutes() < 5 || settings.holdMinutes() > 10080) {
            throw DomainException.invalid("payment.hold-minutes-invalid", Map.of("min", 5, "max", 10080));
        }
        Panache.getEntityManager()
                .createNativeQuery(
                        "insert into payment_settings (tenant_id, hold_minutes, pay_at_desk, payment_required)"
                                + " values (current_place_id(), :m, :d, :r) on conflict (tenant_id) do update"
                                + " set hold_minutes = excluded.hold_minutes, pay_at_desk = excluded.pay_at_desk,"
                                + " payment_required = excluded.payment_required,"
                                + " version = payment_settings.version + 1")
                .setParameter("m", settings.holdMinutes())
                .setParameter("d", settings.payAtDesk())
                .setParameter("r", settings.paymentRequired())
                .executeUpdate();
        return settings;
    }

    InvoiceTerms invoiceTerms() {
        List<?> rows = Panache.getEntityManager()
                .createNativeQuery(
                        "select issue_zero_invoices, transfer_due_days from invoice_settings", Object[].class)
                .getResultList();
        if (rows.isEmpty()) {
            return new InvoiceTerms(false, 30);
        }
        Object[] row = (Object[]) rows.get(0);
        return new InvoiceTerms((Boolean) row[0], ((Number) row[1]).intValue());
    }
}
