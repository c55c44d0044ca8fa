package org.tierslieux.coworking.checkin;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.Columns;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.tenancy.PlaceContext;

/** Reads and changes the check-in settings of the current place (off, 30 minutes' grace and free guests until set). */
@ApplicationScoped
public class CheckinSettingsService {

    private final Clock clock;
    private final PlaceContext placeContext;

    CheckinSettingsService(Clock clock, PlaceContext placeContext) {
        this.clock = clock;
        this.placeContext = placeContext;
    }

    @Transactional
    public CheckinSettings current() {
        PlaceRef place = placeContext.require();
        List<Object[]> rows = em().createNativeQuery(
                        "select enabled, enabled_at, grace_minutes, guest_policy, guest_price, currency"
                                + " from checkin_settings",
                        Object[].class)
                .getResultList();
        if (rows.isEmpty()) {
            return new CheckinSettings(
                    false,
                    null,
                    CheckinSettings.DEFAULT_GRACE_MINUTES,
                    CheckinSettings.GuestPolicy.FREE,
                    Money.zero(place.currency()));
        }
        Object[] r = rows.get(0);
        return new CheckinSettings(
                (Boolean) r[0],
                r[1] == null ? null : Columns.instant(r[1]),
                ((Number) r[2]).intValue(),
                CheckinSettings.GuestPolicy.valueOf((String) r[3]),
                Money.of(((BigDecimal) r[4]).toPlainString(), (String) r[5]));
    }

    /** Changes the settings; turning check-in on dates it now (turning it on again later dates it again). */
    @Transactional
    public CheckinSettings change(
            boolean enabled, int graceMinutes, CheckinSettings.GuestPolicy policy, BigDecimal guestPrice) {
        PlaceRef place = placeContext.require();
        if (graceMinutes < 0 || graceMinutes > 1440) {
            throw DomainException.invalid("checkin.grace-invalid", Map.of("minutes", graceMinutes));
        }
        if (guestPrice == null || guestPrice.signum() < 0 || guestPrice.scale() > 2) {
            throw DomainException.invalid("checkin.guest-price-invalid", Map.of());
        }
        if (policy == CheckinSettings.GuestPolicy.BILL_HOST && guestPrice.signum() == 0) {
            throw DomainException.invalid("checkin.guest-price-invalid", Map.of());
        }
        CheckinSettings before = current();
        Instant enabledAt = enabled ? (before.enabled() ? before.enabledAt() : clock.instant()) : null;
        em().createNativeQuery("insert into checkin_settings"
                        + " (tenant_id, enabled, enabled_at, grace_minutes, guest_policy, guest_price, currency)"
                        + " values (current_place_id(), :e, :at, :g, :p, :price, :c)"
                        + " on conflict (tenant_id) do update set enabled = excluded.enabled,"
                        + " enabled_at = excluded.enabled_at, grace_minutes = excluded.grace_minutes,"
                        + " guest_policy = excluded.guest_policy, guest_price = excluded.guest_price,"
                        + " currency = excluded.currency")
                .setParameter("e", enabled)
                .setParameter("at", enabledAt)
                .setParameter("g", graceMinutes)
                .setParameter("p", policy.name())
                .setParameter("price", guestPrice)
                .setParameter("c", place.currency().getCurrencyCode())
                .executeUpdate();
        return current();
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
