package org.tierslieux.server.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.tierslieux.core.booking.Booker;
import org.tierslieux.core.booking.Booking;
import org.tierslieux.core.booking.BookingRules;
import org.tierslieux.core.booking.BookingService;
import org.tierslieux.core.booking.Closures;
import org.tierslieux.core.booking.RecurringBookings;
import org.tierslieux.core.booking.RuleService;
import org.tierslieux.core.booking.WaitlistService;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.AsOf;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceDetails;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.schedule.ClosureKind;
import org.tierslieux.core.schedule.ScheduleService;
import org.tierslieux.core.schedule.WeeklyHours;
import org.tierslieux.core.training.QualificationService;

/**
 * The demo places' lived-in calendar: opening hours, the French public holidays, three weeks of past and
 * three of upcoming bookings, cancellations, a move, a no-show, a weekly meeting, a training with its
 * qualified members, a waiting list and a machine under maintenance next week. All of it relative to today.
 *
 * <p>Everything goes through the services members and managers use, so the calendar obeys every rule. Past
 * bookings cannot be made today ({@code BookingService} refuses the past, on purpose), so the history is
 * replayed: each step is dated (a booking made two days before its day, a cancellation the day before...),
 * the steps run in the order of their dates, each {@link AsOf as of} its date. A booking of three weeks ago was
 * thus checked against the opening hours, closures, trainings and bookings of three weeks ago, by the same
 * code as a booking made today. No row is written around the services.
 *
 * <p>A place's calendar is seeded once: when the demo member has no booking there yet (a data directory of
 * an older version gets it at its next start). A step that a rule refuses is logged and skipped, so a date
 * that an unforeseen closure takes does not stop the start.
 */
@ApplicationScoped
class DemoCalendar {

    private static final Logger LOG = Logger.getLogger(DemoCalendar.class);

    /** How many weeks of history before this week, and of bookings after it. */
    static final int WEEKS_BACK = 3;

    static final int WEEKS_AHEAD = 2;

    /** The demo's people, as they book. */
    record Cast(PersonId manager, PersonId treasurer, PersonId member, PersonId member2) {}

    private static final LocalTime NINE = LocalTime.of(9, 0);
    private static final LocalTime TWO_PM = LocalTime.of(14, 0);
    private static final LocalTime SEVEN_PM = LocalTime.of(19, 0);

    @Inject
    Clock clock;

    @Inject
    AsOf asOf;

    @Inject
    ResourceService resources;

    @Inject
    ScheduleService schedules;

    @Inject
    RuleService rules;

    @Inject
    BookingService bookings;

    @Inject
    RecurringBookings recurring;

    @Inject
    WaitlistService waitlist;

    @Inject
    Closures closures;

    @Inject
    QualificationService qualifications;

    @Inject
    DemoBilling billing;

    /** In the current place (La Filature): unless its calendar is there already. */
    void filature(PlaceRef place, Cast cast) {
        if (lived(cast)) {
            return;
        }
        Plan p = new Plan(place);
        Booker member = new Booker(cast.member(), true, false);
        Booker treasurer = new Booker(cast.treasurer(), true, false);
        Booker manager = new Booker(cast.manager(), true, true);

        // weekdays 9:00-19:00: desks by half-day (9-14, 14-19) on a 300-minute grid, rooms by the hour
        schedules.setPlaceHours(hours(
                List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                NINE,
                SEVEN_PM));
        Resource openSpace = configure("Open space", 300, null);
        Resource desk1 = configure("Bureau fixe 1", 300, null);
        Resource desk2 = configure("Bureau fixe 2", 300, null);
        Resource jacquard = configure("Salle Jacquard", 60, null);
        Resource navette = configure("Salle Navette", 60, null);
        Resource booth = configure("Cabine téléphonique", 15, null);
        rules.set(
                new RuleService.Scope(jacquard.id(), null),
                new BookingRules.Settings(null, 240, null, null, null, null, null, null));
        p.closeHolidays(manager);

        // the team's weekly meeting, booked as a series a week before the first one
        LocalDate firstMonday = p.day(-WEEKS_BACK, DayOfWeek.MONDAY);
        List<Booking> meetings = new ArrayList<>();
        Instant seriesStart = p.at(firstMonday, LocalTime.of(10, 0));
        p.history.at(
                p.madeAt(seriesStart, Duration.ofDays(7)),
                "weekly meeting",
                () -> meetings.addAll(recurring
                        .bookWeekly(
                                manager,
                                new BookingService.Request(
                                        jacquard.id(),
                                        new TimeRange(seriesStart, p.at(firstMonday, LocalTime.of(11, 0))),
                                        1,
                                        "Réunion d'équipe"),
                                WEEKS_BACK + WEEKS_AHEAD + 1,
                                null,
                                RecurringBookings.Mode.SKIP_CONFLICTS)
                        .booked()));
        Instant postponed = p.at(p.day(1 - WEEKS_BACK, DayOfWeek.MONDAY), LocalTime.of(10, 0));
        p.history.at(
                postponed.minus(Duration.ofDays(3)),
                "a meeting postponed",
                () -> meetings.stream()
                        .filter(b -> b.start().equals(postponed))
                        .findFirst()
                        .ifPresent(b -> bookings.cancel(manager, b.id(), "Réunion reportée à la semaine suivante")));

        // the days something happens to a booking, moved off public holidays (no booking then)
        LocalDate memberCancels = p.earlierOpenDay(-1, DayOfWeek.TUESDAY);
        LocalDate managerCancels = p.openDay(1, DayOfWeek.TUESDAY);
        LocalDate deskCancelled = p.openDay(1, DayOfWeek.THURSDAY);
        LocalDate noShow = p.earlierOpenDay(-1, DayOfWeek.FRIDAY);
        for (int w = -WEEKS_BACK; w <= WEEKS_AHEAD; w++) {
            LocalDate monday = p.day(w, DayOfWeek.MONDAY);
            p.book(member, openSpace, monday, NINE, SEVEN_PM, 1, null);
            p.paid(p.book(treasurer, desk1, monday, NINE, SEVEN_PM, 1, null), cast.manager(), "CASH");

            LocalDate tuesday = p.day(w, DayOfWeek.TUESDAY);
            p.book(member, openSpace, tuesday, NINE, SEVEN_PM, 1, null);
            p.book(treasurer, openSpace, tuesday, NINE, SEVEN_PM, 1, null);
            Ref call = p.book(member, navette, tuesday, LocalTime.of(11, 0), LocalTime.of(12, 0), 1, "Point client");
            p.paid(call, cast.manager(), "CARD_TERMINAL");
            if (tuesday.equals(memberCancels)) {
                p.cancel(call, member, Duration.ofDays(1), null);
            } else if (tuesday.equals(managerCancels)) {
                p.cancel(call, manager, Duration.ofDays(2), "Salle prêtée à la mairie pour une permanence");
            } else if (w == WEEKS_AHEAD) {
                p.move(call, member, Duration.ofDays(1), LocalTime.of(14, 0), LocalTime.of(15, 0));
            }

            LocalDate wednesday = p.day(w, DayOfWeek.WEDNESDAY);
            p.book(treasurer, desk1, wednesday, NINE, SEVEN_PM, 1, null);
            p.book(member, desk2, wednesday, TWO_PM, SEVEN_PM, 1, null);
            if (w % 2 != 0) {
                p.paid(
                        p.book(member, jacquard, wednesday, TWO_PM, LocalTime.of(16, 0), 1, "Atelier avec un client"),
                        cast.manager(),
                        "CARD_TERMINAL");
            }

            LocalDate thursday = p.day(w, DayOfWeek.THURSDAY);
            Ref thursdayDesk = p.book(member, openSpace, thursday, NINE, SEVEN_PM, 1, null);
            if (thursday.equals(deskCancelled)) {
                p.cancel(thursdayDesk, member, Duration.ofDays(2), null);
            }
            if (w % 2 == 0) {
                // a neighbouring team spends the day in the open space
                p.book(manager, openSpace, thursday, NINE, SEVEN_PM, 4, "Journée d'équipe de l'Épicerie du coin");
            }

            LocalDate friday = p.day(w, DayOfWeek.FRIDAY);
            p.book(treasurer, openSpace, friday, NINE, TWO_PM, 1, null);
            Ref weekly = p.book(member, booth, friday, LocalTime.of(10, 0), LocalTime.of(10, 30), 1, "Appel hebdo");
            if (friday.equals(noShow)) {
                p.noShow(weekly, Duration.ofHours(1));
            }
        }

        // the board meets next week; the member waits for the room that evening
        LocalDate board = p.openDay(1, DayOfWeek.THURSDAY);
        p.book(treasurer, jacquard, board, LocalTime.of(17, 0), SEVEN_PM, 1, "Conseil d'administration");
        p.history.at(
                p.recently(Duration.ofMinutes(20)),
                "waiting list",
                () -> waitlist.join(
                        member,
                        new BookingService.Request(
                                jacquard.id(),
                                new TimeRange(p.at(board, LocalTime.of(17, 0)), p.at(board, LocalTime.of(18, 0))),
                                1,
                                null)));

        // money: a carnet bought early last month, the member's subscription invoiced by transfer at its start
        // and paid a few days later (the bookings paid at the desk are above); last month closed at the end
        p.history.at(
                p.at(p.firstOfLastMonth().plusDays(2), LocalTime.of(10, 0)),
                "a carnet bought at the desk",
                () -> billing.packBoughtAtDesk(cast.treasurer(), "Carnet 10 journées", "CHEQUE", cast.manager()));
        LocalDate first = p.today().withDayOfMonth(1); // when DemoPlans subscribed the member
        p.history.at(
                p.notAfter(p.at(first, LocalTime.of(9, 5)), Duration.ofMinutes(2)),
                "the subscription invoiced",
                () -> billing.invoiceSubscriptionByTransfer(cast.member()));
        Instant transfer = p.at(first.plusDays(4), LocalTime.of(11, 0));
        if (transfer.isBefore(p.now.minus(Duration.ofHours(1)))) {
            p.history.at(
                    transfer,
                    "the subscription's transfer received",
                    () -> billing.subscriptionTransferReceived(cast.member(), cast.treasurer()));
        }
        p.play();
        p.closeLastMonth(place, cast.treasurer());
        try {
            billing.askForPaymentFirst();
        } catch (DomainException e) {
            LOG.warnf("Demo billing: payment first not set at %s (%s)", place.slug(), e.code());
        }
    }

    /** In the current place (L'Atelier Commun): unless its calendar is there already. */
    void atelier(PlaceRef place, Cast cast) {
        if (lived(cast)) {
            return;
        }
        Plan p = new Plan(place);
        Booker member = new Booker(cast.member(), true, false);
        Booker member2 = new Booker(cast.member2(), true, false);
        Booker treasurer = new Booker(cast.treasurer(), true, false);
        Booker manager = new Booker(cast.manager(), true, true);

        // Tuesday to Saturday, late on Thursdays
        List<WeeklyHours.Interval> open = new ArrayList<>(
                hours(List.of(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), NINE, LocalTime.of(18, 0))
                        .intervals());
        open.add(new WeeklyHours.Interval(DayOfWeek.THURSDAY, NINE, LocalTime.of(22, 0)));
        open.add(new WeeklyHours.Interval(DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(17, 0)));
        schedules.setPlaceHours(new WeeklyHours(open));
        Resource training = configure("Formation découpe laser", null, null);
        Resource laser = configure("Découpeuse laser Trotec", 30, training.id());
        Resource printer = configure("Imprimante 3D Prusa MK4", 30, null);
        Resource cnc = configure("Fraiseuse CNC", 30, null);
        Resource wood = configure("Atelier bois", 60, null);
        rules.set(
                new RuleService.Scope(laser.id(), null),
                new BookingRules.Settings(null, 120, null, null, null, null, null, null));
        p.closeHolidays(manager);

        // the training: a past session that qualified two members, two sessions to come
        LocalDate past = p.openDay(-WEEKS_BACK, DayOfWeek.THURSDAY);
        Instant pastStart = p.at(past, LocalTime.of(18, 0));
        TimeRange pastSession = new TimeRange(pastStart, p.at(past, LocalTime.of(20, 0)));
        p.history.at(
                pastStart.minus(Duration.ofDays(21)),
                "past session",
                () -> schedules.schedule(training, pastSession, "Initiation"));
        LocalDate next = p.openDay(1, DayOfWeek.THURSDAY);
        LocalDate later = p.openDay(WEEKS_AHEAD, DayOfWeek.SATURDAY);
        TimeRange nextSession = new TimeRange(p.at(next, LocalTime.of(18, 0)), p.at(next, LocalTime.of(20, 0)));
        TimeRange laterSession = new TimeRange(p.at(later, LocalTime.of(10, 0)), p.at(later, LocalTime.of(12, 0)));
        p.history.at(p.recently(Duration.ofDays(10)), "sessions to come", () -> {
            schedules.schedule(training, nextSession, "Initiation");
            schedules.schedule(training, laterSession, "Initiation du samedi");
        });
        p.paid(
                p.book(member, training, past, LocalTime.of(18, 0), LocalTime.of(20, 0), 1, null),
                cast.manager(),
                "CHEQUE");
        p.book(treasurer, training, past, LocalTime.of(18, 0), LocalTime.of(20, 0), 1, null);
        p.book(member2, training, next, LocalTime.of(18, 0), LocalTime.of(20, 0), 1, null);
        Instant granted = pastSession.end().plus(Duration.ofMinutes(30));
        Instant validUntil = granted.atZone(p.zone)
                .toLocalDate()
                .plusYears(1)
                .plusDays(1)
                .atStartOfDay(p.zone)
                .toInstant();
        p.history.at(granted, "qualifications", () -> {
            qualifications.grant(training.id(), cast.member(), validUntil, cast.manager());
            qualifications.grant(training.id(), cast.treasurer(), validUntil, cast.manager());
        });

        for (int w = -WEEKS_BACK; w <= WEEKS_AHEAD; w++) {
            LocalDate tuesday = p.day(w, DayOfWeek.TUESDAY);
            p.paid(
                    p.book(member2, printer, tuesday, LocalTime.of(14, 0), LocalTime.of(16, 0), 1, "Pièces de drone"),
                    cast.manager(),
                    "CASH");
            LocalDate saturday = p.day(w, DayOfWeek.SATURDAY);
            Ref print = p.book(member2, printer, saturday, LocalTime.of(10, 0), LocalTime.of(12, 0), 1, null);
            p.paid(print, cast.manager(), "CASH");
            if (w == -1) {
                p.cancel(print, member2, Duration.ofDays(2), null);
            }
            p.paid(
                    p.book(
                            member2,
                            wood,
                            saturday,
                            LocalTime.of(14, 0),
                            LocalTime.of(17, 0),
                            1,
                            "Restauration d'une chaise"),
                    cast.manager(),
                    "CHEQUE");
            if (w < 0) {
                p.book(member2, cnc, saturday, LocalTime.of(10, 0), LocalTime.of(12, 0), 1, null);
            }
        }
        // the laser, once qualified (the policy would refuse it before)
        p.bookAfter(granted, member, laser, p.day(1 - WEEKS_BACK, DayOfWeek.WEDNESDAY), 14, 0, 15, 30, "Boîtes");
        p.bookAfter(granted, treasurer, laser, p.day(-1, DayOfWeek.THURSDAY), 18, 0, 19, 0, "Enseigne");
        p.paid(
                p.bookAfter(granted, member, laser, p.day(-1, DayOfWeek.FRIDAY), 10, 0, 11, 0, null),
                cast.manager(),
                "CARD_TERMINAL");
        p.bookAfter(granted, member, laser, p.day(0, DayOfWeek.SATURDAY), 10, 30, 12, 0, null);
        p.bookAfter(granted, member, laser, p.day(1, DayOfWeek.THURSDAY), 19, 0, 20, 30, "Nocturne");
        p.bookAfter(granted, member, laser, p.day(WEEKS_AHEAD, DayOfWeek.TUESDAY), 16, 0, 17, 0, null);
        p.book(member, wood, p.day(0, DayOfWeek.WEDNESDAY), NINE, LocalTime.of(12, 0), 1, null);
        p.book(member, printer, p.day(1, DayOfWeek.FRIDAY), NINE, LocalTime.of(11, 0), 1, null);

        // the member waits for a print slot taken next week
        LocalDate wanted = p.openDay(1, DayOfWeek.TUESDAY);
        p.history.at(
                p.recently(Duration.ofMinutes(15)),
                "waiting list",
                () -> waitlist.join(
                        member,
                        new BookingService.Request(
                                printer.id(),
                                new TimeRange(p.at(wanted, LocalTime.of(14, 0)), p.at(wanted, LocalTime.of(16, 0))),
                                1,
                                null)));

        // next week the milling machine goes under maintenance over a booking the manager must decide on
        LocalDate service = p.openDay(1, DayOfWeek.WEDNESDAY);
        p.book(member, cnc, service, LocalTime.of(10, 0), LocalTime.of(12, 0), 1, "Plateau de table");
        p.history.at(
                p.recently(Duration.ofMinutes(5)),
                "maintenance",
                () -> closures.close(
                        manager,
                        cnc.id(),
                        ClosureKind.MAINTENANCE,
                        new TimeRange(p.at(service, NINE), p.at(service, LocalTime.of(13, 0))),
                        "Remplacement de la broche"));

        // money: a carnet bought early last month; last month closed at the end
        p.history.at(
                p.at(p.firstOfLastMonth().plusDays(2), LocalTime.of(10, 0)),
                "a carnet bought at the desk",
                () -> billing.packBoughtAtDesk(cast.treasurer(), "Carnet 20 heures machine", "CHEQUE", cast.manager()));
        p.play();
        p.closeLastMonth(place, cast.treasurer());
    }

    /** Whether the demo member already has bookings in the current place (the calendar's marker). */
    private boolean lived(Cast cast) {
        return bookings.countOfPerson(cast.member(), true) + bookings.countOfPerson(cast.member(), false) > 0;
    }

    private static WeeklyHours hours(List<DayOfWeek> days, LocalTime opens, LocalTime closes) {
        return new WeeklyHours(days.stream()
                .map(d -> new WeeklyHours.Interval(d, opens, closes))
                .toList());
    }

    /** Sets a demo resource's booking grid and required training, keeping what it says of itself. */
    private Resource configure(String name, Integer slotMinutes, ResourceId training) {
        Resource found = resources.active().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Demo resource missing: " + name));
        return resources.edit(
                found.id(),
                new ResourceDetails(found.name(), found.description(), found.capacity(), slotMinutes, training),
                null);
    }

    /** A planned booking: when it starts, and what was booked once played (null when a rule refused it). */
    private static final class Ref {
        Instant start;
        Instant made;
        Booking booking;
    }

    /** The dated steps of one place's history, relative to today in its zone, and their replay. */
    private final class Plan {

        private record Step(Instant at, String what, Runnable work) {}

        final String slug;
        final ZoneId zone;
        final Instant now;
        final LocalDate monday;
        final History history = new History();

        Plan(PlaceRef place) {
            this.slug = place.slug();
            this.zone = place.zone();
            this.now = clock.instant();
            this.monday = now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }

        /** The weekday of the week {@code week} weeks from this one. */
        LocalDate day(int week, DayOfWeek day) {
            return monday.plusWeeks(week).with(TemporalAdjusters.nextOrSame(day));
        }

        /** That weekday, or the same one a week later while it falls on a public holiday. */
        LocalDate openDay(int week, DayOfWeek day) {
            LocalDate d = day(week, day);
            while (FrenchHolidays.isHoliday(d)) {
                d = d.plusWeeks(1);
            }
            return d;
        }

        /** That weekday, or the same one a week earlier while it falls on a public holiday. */
        LocalDate earlierOpenDay(int week, DayOfWeek day) {
            LocalDate d = day(week, day);
            while (FrenchHolidays.isHoliday(d)) {
                d = d.minusWeeks(1);
            }
            return d;
        }

        Instant at(LocalDate day, LocalTime time) {
            return ZonedDateTime.of(day, time, zone).toInstant();
        }

        /** When something about {@code start} was done {@code lead} ahead, or a day ago if that is later. */
        Instant madeAt(Instant start, Duration lead) {
            Instant wanted = start.minus(lead);
            Instant latest = now.minus(Duration.ofDays(1));
            return wanted.isBefore(latest) ? wanted : latest;
        }

        LocalDate today() {
            return now.atZone(zone).toLocalDate();
        }

        LocalDate firstOfLastMonth() {
            return today().withDayOfMonth(1).minusMonths(1);
        }

        /** {@code at}, or {@code margin} before the seeding if that is earlier. */
        Instant notAfter(Instant at, Duration margin) {
            Instant latest = now.minus(margin);
            return at.isBefore(latest) ? at : latest;
        }

        /** Paid at the desk ten minutes after it was made, when it has begun by now (one to come stays to pay). */
        void paid(Ref ref, PersonId desk, String method) {
            if (ref.made == null || !ref.start.isBefore(now)) {
                return;
            }
            history.at(ref.made.plus(Duration.ofMinutes(10)), "paid at the desk", () -> {
                if (ref.booking != null) {
                    billing.payBookingAtDesk(ref.booking.id().value(), method, desk);
                }
            });
        }

        /** The treasurer closes last month, once the history is played. */
        void closeLastMonth(PlaceRef place, PersonId treasurer) {
            try {
                billing.closeLastMonth(place, treasurer);
            } catch (DomainException e) {
                LOG.warnf("Demo billing: last month not closed at %s (%s)", slug, e.code());
            }
        }

        /** A moment shortly before the seeding: the last things that happened. */
        Instant recently(Duration ago) {
            return now.minus(ago);
        }

        /** The place closes on each public holiday from the history's start to the booking horizon. */
        void closeHolidays(Booker manager) {
            LocalDate from = day(-WEEKS_BACK - 1, DayOfWeek.MONDAY);
            Instant entered = madeAt(at(from, NINE), Duration.ZERO);
            FrenchHolidays.between(from, now.atZone(zone).toLocalDate().plusDays(90))
                    .forEach((day, name) -> history.at(
                            entered,
                            "closed on " + day,
                            () -> closures.close(
                                    manager, null, ClosureKind.CLOSURE, TimeRange.ofDays(day, day, zone), name)));
        }

        /** A booking made three days ahead (not on a public holiday: the place is closed then). */
        Ref book(Booker who, Resource what, LocalDate day, LocalTime from, LocalTime to, int seats, String note) {
            return bookFrom(null, who, what, day, from, to, seats, note);
        }

        /** A booking made after {@code after} (once qualified, say), or none when that is too late for it. */
        Ref bookAfter(
                Instant after, Booker who, Resource what, LocalDate day, int h1, int m1, int h2, int m2, String note) {
            return bookFrom(after, who, what, day, LocalTime.of(h1, m1), LocalTime.of(h2, m2), 1, note);
        }

        private Ref bookFrom(
                Instant after,
                Booker who,
                Resource what,
                LocalDate day,
                LocalTime from,
                LocalTime to,
                int seats,
                String note) {
            Ref ref = new Ref();
            TimeRange period = new TimeRange(at(day, from), at(day, to));
            ref.start = period.start();
            if (FrenchHolidays.isHoliday(day)) {
                return ref;
            }
            Instant made = madeAt(period.start(), Duration.ofDays(3));
            if (after != null) {
                Instant earliest = after.plus(Duration.ofMinutes(10));
                if (!earliest.isBefore(period.start()) || !earliest.isBefore(now)) {
                    return ref;
                }
                made = made.isBefore(earliest) ? earliest : made;
            }
            ref.made = made;
            history.at(
                    made,
                    what.name() + " on " + day,
                    () -> ref.booking = bookings.book(who, new BookingService.Request(what.id(), period, seats, note)));
            return ref;
        }

        /** Cancelled {@code ahead} of its start (or a little before the seeding, for one still to come). */
        void cancel(Ref ref, Booker by, Duration ahead, String reason) {
            history.at(later(ref, ahead, Duration.ofHours(3)), "a cancellation", () -> {
                if (ref.booking != null) {
                    bookings.cancel(by, ref.booking.id(), reason);
                }
            });
        }

        /** Moved to other hours of the same day, {@code ahead} of its start. */
        void move(Ref ref, Booker by, Duration ahead, LocalTime from, LocalTime to) {
            history.at(later(ref, ahead, Duration.ofHours(4)), "a move", () -> {
                if (ref.booking != null) {
                    LocalDate day = ref.booking.start().atZone(zone).toLocalDate();
                    bookings.move(by, ref.booking.id(), new TimeRange(at(day, from), at(day, to)));
                }
            });
        }

        /** The manager notes, {@code after} its start, that the member did not come. */
        void noShow(Ref ref, Duration after) {
            history.at(ref.start.plus(after), "a no-show", () -> {
                if (ref.booking != null) {
                    bookings.markNoShow(ref.booking.id());
                }
            });
        }

        private Instant later(Ref ref, Duration ahead, Duration beforeNow) {
            Instant wanted = ref.start.minus(ahead);
            Instant latest = now.minus(beforeNow);
            Instant when = wanted.isBefore(latest) ? wanted : latest;
            // never before the booking was made (a booking refused has no date: the step does nothing)
            Instant notBefore = ref.made == null ? when : ref.made.plus(Duration.ofMinutes(1));
            return when.isBefore(notBefore) ? notBefore : when;
        }

        void play() {
            long started = System.nanoTime();
            int refused = history.play();
            LOG.infof(
                    "Demo calendar of %s: %d steps replayed in %d ms",
                    slug, history.steps.size(), (System.nanoTime() - started) / 1_000_000);
            if (refused > 0) {
                LOG.warnf("Demo calendar: %d step(s) refused by the rules (see above)", refused);
            }
        }

        /** Steps in the order they are added; played in the order of their dates. */
        private final class History {

            private final List<Step> steps = new ArrayList<>();

            void at(Instant at, String what, Runnable work) {
                steps.add(new Step(at, what, work));
            }

            int play() {
                List<Step> ordered = new ArrayList<>(steps);
                ordered.sort(Comparator.comparing(Step::at)); // stable: same date, same order as added
                int refused = 0;
                for (Step step : ordered) {
                    try {
                        asOf.run(step.at(), step.work());
                    } catch (DomainException e) {
                        refused++;
                        LOG.warnf("Demo calendar: %s refused (%s)", step.what(), e.code());
                    }
                }
                return refused;
            }
        }
    }
}
