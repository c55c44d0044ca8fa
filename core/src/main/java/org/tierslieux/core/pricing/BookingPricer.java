package org.tierslieux.core.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tiers: what the uncovered part of a booking costs, before VAT is worked out. For each local day, the
 * time used is charged in the cheapest unit that has a price (hours x hourly price, half-days x half-day
 * price, or the day price), so a day price caps hourly and half-day prices; USE and SESSION prices add per use or seat.
 * Consecutive days charged in the same unit at the same price make one charge.
 */
final class BookingPricer {

    private static final List<Unit> TIME_UNITS = List.of(Unit.HOUR, Unit.HALF_DAY, Unit.DAY);

    /** A unit's price on a day, after any discount: null when the place has none. */
    interface Prices {
        Optional<UnitPrice> at(Unit unit, LocalDate day);
    }

    record UnitPrice(java.util.UUID priceId, BigDecimal amount, VatRate vat) {}

    /**
     * One local day of a booking: its usage, and how many whole days a day price charges for it (the seats
     * still to pay: a day price is for a day, so a morning at the day price costs the day, not half of it,
     * whereas a credit of 0.5 desk-day pays a morning).
     */
    record Day(LocalDate date, Usage usage, BigDecimal wholeDays) {}

    record Charge(Unit unit, BigDecimal quantity, UnitPrice price) {
        BigDecimal amount() {
            return price.amount().multiply(quantity);
        }
    }

    private BookingPricer() {}

    static List<Charge> charges(List<Day> days, BigDecimal uses, BigDecimal sessions, Prices prices) {
        List<Charge> charges = new ArrayList<>();
        for (Day day : days) {
            cheapest(day, prices).ifPresent(c -> merge(charges, c));
        }
        if (!days.isEmpty()) {
            LocalDate first = days.get(0).date();
            if (uses.signum() > 0) {
                prices.at(Unit.USE, first).ifPresent(p -> charges.add(new Charge(Unit.USE, uses, p)));
            }
            if (sessions.signum() > 0) {
                prices.at(Unit.SESSION, first).ifPresent(p -> charges.add(new Charge(Unit.SESSION, sessions, p)));
            }
        }
        return charges;
    }

    /** The cheapest way to charge one day's time, if any time unit has a price that day. */
    static Optional<Charge> cheapest(Day day, Prices prices) {
        Charge best = null;
        for (Unit unit : TIME_UNITS) {
            BigDecimal quantity =
                    unit == Unit.DAY ? day.wholeDays() : day.usage().quantity(unit);
            if (quantity.signum() <= 0) {
                continue;
            }
            Optional<UnitPrice> price = prices.at(unit, day.date());
            if (price.isEmpty()) {
                continue;
            }
            Charge candidate = new Charge(unit, quantity, price.get());
            if (best == null || candidate.amount().compareTo(best.amount()) < 0) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    private static void merge(List<Charge> charges, Charge next) {
        if (!charges.isEmpty()) {
            Charge last = charges.get(charges.size() - 1);
            if (last.unit() == next.unit() && last.price().equals(next.price())) {
                charges.set(
                        charges.size() - 1,
                        new Charge(last.unit(), last.quantity().add(next.quantity()), last.price()));
                return;
            }
        }
        charges.add(next);
    }
}
