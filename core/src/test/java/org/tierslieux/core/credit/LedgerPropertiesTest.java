package org.tierslieux.core.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tierslieux.core.pricing.CreditCoverage;
import org.tierslieux.core.pricing.Scope;
import org.tierslieux.core.pricing.Unit;
import org.tierslieux.core.pricing.Usage;

/**
 * The ledger's arithmetic as properties: whatever grants, bookings and cancellations happen in whatever order,
 * no lot goes below zero, a balance is the sum of the entries, and cancelling a booking gives back exactly what
 * it took. The model writes entries the way {@link CreditLedger} does (consume what {@link Allocation} takes,
 * refund the net of a booking's entries).
 */
class LedgerPropertiesTest {

    private static final Instant T0 = Instant.parse("2028-02-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2028-03-01T00:00:00Z");

    /** One step of a member's life: a grant, a booking, or the cancellation of an earlier booking. */
    sealed interface Step permits Grant, Book, Cancel {}

    record Grant(CreditSource source, Unit unit, BigDecimal quantity, int expiryDays) implements Step {}

    record Book(BigDecimal hours, int seats) implements Step {}

    record Cancel(int which) implements Step {}

    /** The ledger as rows: lot, booking (or null), signed quantity. */
    static final class Model {
        record Entry(UUID lot, UUID booking, BigDecimal quantity) {}

        final List<Entry> entries = new ArrayList<>();
        final Map<UUID, Lot> grants = new HashMap<>();
        final List<UUID> bookings = new ArrayList<>();

        void grant(Grant g) {
            UUID lot = UUID.randomUUID();
            grants.put(
                    lot,
                    new Lot(
                            lot,
                            g.source(),
                            null,
                            "lot",
                            Scope.ofKind("DESK"),
                            g.unit(),
                            g.quantity(),
                            g.quantity(),
                            T0,
                            T1.plusSeconds(g.expiryDays() * 86400L)));
            entries.add(new Entry(lot, null, g.quantity()));
        }

        BigDecimal balance(UUID lot) {
            return entries.stream()
                    .filter(e -> e.lot().equals(lot))
                    .map(Entry::quantity)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        List<Lot> lots() {
            return grants.values().stream()
                    .map(l -> l.withLeft(balance(l.lotId())))
                    .toList();
        }

        UUID book(Book b) {
            UUID booking = UUID.randomUUID();
            List<CreditCoverage.Covered> takes = Allocation.allocate(lots(), usage(b));
            for (CreditCoverage.Covered take : takes) {
                assertThat(take.quantity()).isPositive().isLessThanOrEqualTo(balance(take.lotId()));
                entries.add(new Entry(take.lotId(), booking, take.quantity().negate()));
            }
            bookings.add(booking);
            return booking;
        }

        void cancel(UUID booking) {
            Map<UUID, BigDecimal> net = new HashMap<>();
            entries.stream()
                    .filter(e -> booking.equals(e.booking()))
                    .forEach(e -> net.merge(e.lot(), e.quantity(), BigDecimal::add));
            net.forEach((lot, q) -> {
                if (q.signum() < 0) {
                    entries.add(new Entry(lot, booking, q.negate()));
                }
            });
        }

        Map<UUID, BigDecimal> balances() {
            Map<UUID, BigDecimal> all = new HashMap<>();
            grants.keySet().forEach(l -> all.put(l, balance(l).stripTrailingZeros()));
            return all;
        }
    }

    static Usage usage(Book b) {
        EnumMap<Unit, BigDecimal> q = new EnumMap<>(Unit.class);
        BigDecimal seats = BigDecimal.valueOf(b.seats());
        q.put(Unit.HOUR, b.hours().multiply(seats));
        boolean half = b.hours().compareTo(BigDecimal.valueOf(5)) <= 0;
        q.put(Unit.HALF_DAY, (half ? BigDecimal.ONE : BigDecimal.TWO).multiply(seats));
        q.put(Unit.DAY, (half ? new BigDecimal("0.5") : BigDecimal.ONE).multiply(seats));
        q.put(Unit.USE, seats);
        q.put(Unit.SESSION, seats);
        return new Usage(q);
    }

    @Provide
    Arbitrary<List<Step>> lives() {
        Arbitrary<Step> grant = Combinators.combine(
                        Arbitraries.of(CreditSource.class),
                        Arbitraries.of(Unit.class),
                        Arbitraries.integers().between(1, 40),
                        Arbitraries.integers().between(0, 200))
                .as((source, unit, steps, days) ->
                        new Grant(source, unit, unit.step().multiply(BigDecimal.valueOf(steps)), days));
        Arbitrary<Step> book = Combinators.combine(
                        Arbitraries.integers().between(1, 40),
                        Arbitraries.integers().between(1, 3))
                .as((quarters, seats) ->
                        new Book(BigDecimal.valueOf(quarters).multiply(new BigDecimal("0.25")), seats));
        Arbitrary<Step> cancel = Arbitraries.integers().between(0, 30).map(Cancel::new);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, grant),
                        net.jqwik.api.Tuple.of(5, book),
                        net.jqwik.api.Tuple.of(2, cancel))
                .list()
                .ofMaxSize(40);
    }

    @Property(tries = 300)
    void a_balance_never_goes_below_zero(@ForAll("lives") List<Step> life) {
        Model model = run(life);
        model.balances().values().forEach(b -> assertThat(b).isGreaterThanOrEqualTo(BigDecimal.ZERO));
    }

    @Property(tries = 300)
    void the_ledger_sums_to_the_balance(@ForAll("lives") List<Step> life) {
        Model model = run(life);
        BigDecimal granted = model.grants.values().stream().map(Lot::granted).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal movements = model.entries.stream()
                .filter(e -> e.booking() != null)
                .map(Model.Entry::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal balances = model.balances().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(balances).isEqualByComparingTo(granted.add(movements));
        for (Lot lot : model.lots()) {
            assertThat(lot.left()).isLessThanOrEqualTo(lot.granted());
        }
    }

    @Property(tries = 300)
    void cancelling_right_after_booking_restores_every_balance_exactly(
            @ForAll("lives") List<Step> life, @ForAll("books") Book book) {
        Model model = run(life);
        Map<UUID, BigDecimal> before = model.balances();
        UUID booking = model.book(book);
        model.cancel(booking);
        assertThat(model.balances()).isEqualTo(before);
        model.cancel(booking); // a second cancellation gives nothing more
        assertThat(model.balances()).isEqualTo(before);
    }

    @Property(tries = 200)
    void plan_credits_are_spent_before_packs_and_never_more_than_the_usage(
            @ForAll("lives") List<Step> life, @ForAll("books") Book book) {
        Model model = run(life);
        List<Lot> lots = model.lots();
        Usage usage = usage(book);
        List<CreditCoverage.Covered> takes = Allocation.allocate(lots, usage);
        assertThat(Allocation.coveredFraction(takes, usage)).isLessThanOrEqualTo(BigDecimal.ONE);
        boolean sawPack = false;
        for (CreditCoverage.Covered take : takes) {
            if (!take.source().equals("PLAN")) {
                sawPack = true;
            } else {
                assertThat(sawPack).as("a plan lot after a pack lot").isFalse();
            }
        }
    }

    @Provide
    Arbitrary<Book> books() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 40),
                        Arbitraries.integers().between(1, 3))
                .as((quarters, seats) ->
                        new Book(BigDecimal.valueOf(quarters).multiply(new BigDecimal("0.25")), seats));
    }

    private static Model run(List<Step> life) {
        Model model = new Model();
        for (Step step : life) {
            switch (step) {
                case Grant g -> model.grant(g);
                case Book b -> model.book(b);
                case Cancel c -> {
                    if (!model.bookings.isEmpty()) {
                        model.cancel(model.bookings.get(c.which() % model.bookings.size()));
                    }
                }
            }
        }
        return model;
    }
}
