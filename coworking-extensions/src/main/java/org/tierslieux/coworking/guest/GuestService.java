package org.tierslieux.coworking.guest;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.tierslieux.billing.checkout.OrderService;
import org.tierslieux.billing.checkout.SaleOrder;
import org.tierslieux.core.credit.Allocation;
import org.tierslieux.core.credit.CreditLedger;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.Columns;
import org.tierslieux.core.kernel.DomainEvent;
import org.tierslieux.core.people.PersonDirectory;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.place.PlaceService;
import org.tierslieux.core.pricing.BillTo;
import org.tierslieux.core.pricing.CreditCoverage;
import org.tierslieux.core.pricing.QuoteBuilder;
import org.tierslieux.core.pricing.QuoteSubject;
import org.tierslieux.core.pricing.Unit;
import org.tierslieux.core.pricing.Usage;
import org.tierslieux.core.pricing.VatRate;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.coworking.checkin.CheckinService;
import org.tierslieux.coworking.checkin.CheckinSettings;
import org.tierslieux.coworking.checkin.CheckinSettingsService;

/**
 * A member invites a guest for a day (today or later, within a year): one live invitation per e-mail and day
 * (409 {@code guest.already-invited}). The day is free, taken from the host's credits (one desk-day of a carnet
 * or a plan, as a desk-pool day would be) or billed to the host (an order of the guest day's price), as the
 * place's guest policy says. The guest gets a QR pass by e-mail, which the staff reads on arrival, in the host's
 * language. The host may cancel an invitation until the guest arrives (not a past day): the pass stops working, the
 * credits taken come back, an order billed to the host goes the way of a cancelled booking's (cancelled if unpaid,
 * else refunded with a credit note: an issued invoice is never touched), and the guest is told by e-mail.
 */
@ApplicationScoped
public class GuestService {

    /** What an order for a guest day is about (billing confirms nothing for it: the pass is already valid). */
    public static final String SUBJECT = "GUEST";

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    private final Clock clock;
    private final PlaceContext placeContext;
    private final CheckinSettingsService settings;
    private final CheckinService checkins;
    private final ResourceService resources;
    private final PersonDirectory people;
    private final Instance<CreditCoverage> coverage;
    private final CreditLedger ledger;
    private final OrderService orders;
    private final Event<DomainEvent> events;
    private final PlaceService places;

    GuestService(
            Clock clock,
            PlaceContext placeContext,
            CheckinSettingsService settings,
            CheckinService checkins,
            ResourceService resources,
            PersonDirectory people,
            @Any Instance<CreditCoverage> coverage,
            CreditLedger ledger,
            OrderService orders,
            Event<DomainEvent> events,
            PlaceService places) {
        this.places = places;
        this.clock = clock;
        this.placeContext = placeContext;
        this.settings = settings;
        this.checkins = checkins;
        this.resources = resources;
        this.people = people;
        this.coverage = coverage;
        this.ledger = ledger;
        this.orders = orders;
        this.events = events;
    }

    @Transactional
    public Guest invite(PersonId host, String name, String email, LocalDate day) {
        PlaceRef place = placeContext.require();
        String cleanName = name == null ? "" : name.strip();
        String cleanEmail = email == null ? "" : email.strip();
        if (cleanName.isEmpty() || cleanName.length() > 200) {
            throw DomainException.invalid("guest.name-invalid", Map.of());
        }
        if (!EMAIL.matcher(cleanEmail).matches() || cleanEmail.length() > 320) {
            throw DomainException.invalid("guest.email-invalid", Map.of());
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), place.zone());
        if (day == null || day.isBefore(today) || day.isAfter(today.plusYears(1))) {
            throw DomainException.invalid("guest.day-invalid", Map.of());
        }
        // one invitation at a time per e-mail here, so that two clicks make one guest
        em().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:k, 0))")
                .setParameter("k", "guest:" + place.id().value() + "/" + cleanEmail.toLowerCase(java.util.Locale.ROOT))
                .getSingleResult();
        Number already = (Number) em().createNativeQuery("select count(*) from guest_invitation"
                        + " where lower(email) = lower(:e) and day = :d and cancelled_at is null")
                .setParameter("e", cleanEmail)
                .setParameter("d", day)
                .getSingleResult();
        if (already.intValue() > 0) {
            throw DomainException.conflict("guest.already-invited", Map.of("email", cleanEmail, "day", day));
        }
        Optional<PersonDirectory.Contact> contact = people.contact(host);
        String hostName = contact.map(PersonDirectory.Contact::displayName).orElse("?");
        UUID id = UUID.randomUUID();
        CheckinSettings s = settings.current();
        Instant now = clock.instant();
        em().createNativeQuery("insert into guest_invitation (tenant_id, id, host_id, name, email, day, payment,"
                        + " created_at) values (current_place_id(), :id, :h, :n, :e, :d, :p, :now)")
                .setParameter("id", id)
                .setParameter("h", host.value())
                .setParameter("n", cleanName)
                .setParameter("e", cleanEmail)
                .setParameter("d", day)
                .setParameter("p", s.guestPolicy().name())
                .setParameter("now", now)
                .executeUpdate();
        switch (s.guestPolicy()) {
            case FREE -> {}
            case HOST_CREDITS -> takeCredits(host, id, day, place);
            case BILL_HOST -> {
                var quote = new QuoteBuilder(
                                place, true, new QuoteSubject(SUBJECT, id), new BillTo(host, null, hostName))
                        .line(
                                "Invité·e " + cleanName + " · " + day,
                                BigDecimal.ONE,
                                Unit.DAY,
                                s.guestPrice(),
                                // a place that charges no VAT bills none (its exemption mention covers it)
                                places.get(place.slug()).legal().vatExemptionMention() != null
                                        ? VatRate.EXEMPT
                                        : VatRate.STANDARD)
                        .build();
                SaleOrder order = orders.openFor(quote);
                em().createNativeQuery("update guest_invitation set order_id = :o where id = :id")
                        .setParameter("o", order.id())
                        .setParameter("id", id)
                        .executeUpdate();
            }
        }
        String code = checkins.passForGuest(id);
        events.fire(new GuestInvited(
                place,
                id,
                host,
                hostName,
                cleanName,
                cleanEmail,
                day,
                code,
                checkins.scanUrl(code),
                contact.map(PersonDirectory.Contact::locale).orElse(null)));
        return find(id).orElseThrow();
    }

    /**
     * The host cancels an invitation of theirs: 404 {@code guest.not-found} (someone else's too), 409
     * {@code guest.cancelled} (already), {@code guest.arrived} (checked in), {@code guest.past} (a past day).
     */
    @Transactional
    public Guest cancel(PersonId host, UUID id) {
        PlaceRef place = placeContext.require();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery(
                        "select host_id, day, cancelled_at, order_id, payment from guest_invitation where id = :id"
                                + " for update",
                        Object[].class)
                .setParameter("id", id)
                .getResultList();
        if (rows.isEmpty() || !host.value().equals(rows.get(0)[0])) {
            throw DomainException.notFound("guest.not-found", Map.of());
        }
        Object[] row = rows.get(0);
        if (row[2] != null) {
            throw DomainException.conflict("guest.cancelled", Map.of());
        }
        // the same lock as check-in's, so that a guest arriving now is either in or cancelled, not both
        em().createNativeQuery("select pg_advisory_xact_lock(hashtextextended('checkin:' || current_place_id(), 0))")
                .getSingleResult();
        Guest guest = find(id).orElseThrow();
        if (guest.checkedInAt() != null) {
            throw DomainException.conflict("guest.arrived", Map.of());
        }
        LocalDate day = localDate(row[1]);
        if (day.isBefore(LocalDate.ofInstant(clock.instant(), place.zone()))) {
            throw DomainException.conflict("guest.past", Map.of("day", day));
        }
        em().createNativeQuery("update guest_invitation set cancelled_at = :now where id = :id")
                .setParameter("now", clock.instant())
                .setParameter("id", id)
                .executeUpdate();
        switch (CheckinSettings.GuestPolicy.valueOf((String) row[4])) {
            case FREE -> {}
            case HOST_CREDITS -> ledger.refund(host, id, "Invitation annulée · " + guest.name() + " · " + day);
            case BILL_HOST -> {
                if (row[3] != null) {
                    orders.subjectCancelled(
                            (UUID) row[3], "Annulation de l'invitation de " + guest.name() + " · " + day);
                }
            }
        }
        Optional<PersonDirectory.Contact> contact = people.contact(host);
        events.fire(new GuestCancelled(
                place,
                id,
                host,
                guest.hostName(),
                guest.name(),
                guest.email(),
                day,
                contact.map(PersonDirectory.Contact::locale).orElse(null)));
        return find(id).orElseThrow();
    }

    /** One desk-day of the host's credits, valid on the guest's day, or a clear refusal. */
    private void takeCredits(PersonId host, UUID guest, LocalDate day, PlaceRef place) {
        Resource desks = resources.active().stream()
                .filter(r -> "DESK_POOL".equals(r.kind()))
                .findFirst()
                .orElseThrow(() -> DomainException.conflict("guest.no-credit", Map.of()));
        Usage usage = new Usage(Map.of(Unit.DAY, BigDecimal.ONE, Unit.HALF_DAY, new BigDecimal("2")));
        Instant at = day.atTime(12, 0).atZone(place.zone()).toInstant();
        ledger.lock(host);
        List<CreditCoverage.Covered> takes = new ArrayList<>();
        for (CreditCoverage c : coverage) {
            takes = c.cover(host, desks, usage, at);
            break;
        }
        if (takes.isEmpty() || Allocation.coveredFraction(takes, usage).compareTo(BigDecimal.ONE) < 0) {
            throw DomainException.conflict("guest.no-credit", Map.of());
        }
        ledger.consume(host, guest, takes);
    }

    /** The guests a member invited here, upcoming first then the latest past ones. */
    @Transactional
    public List<Guest> ofHost(PersonId host) {
        placeContext.require();
        return list("where g.host_id = :h order by g.day desc, g.created_at desc limit 100", host.value());
    }

    /** Today in the place's zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), placeContext.require().zone());
    }

    /** The place's guests of a day (staff). */
    @Transactional
    public List<Guest> ofDay(LocalDate day) {
        placeContext.require();
        return list("where g.day = :h order by g.name", day);
    }

    @Transactional
    public Optional<Guest> find(UUID id) {
        placeContext.require();
        return list("where g.id = :h", id).stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    private List<Guest> list(String where, Object parameter) {
        List<Object[]> rows = em().createNativeQuery(
                        "select g.id, g.host_id, g.name, g.email, g.day, g.payment, g.order_id, c.checked_in_at,"
                                + " g.cancelled_at from guest_invitation g left join checkin c"
                                + " on c.tenant_id = g.tenant_id and c.guest_id = g.id " + where,
                        Object[].class)
                .setParameter("h", parameter)
                .getResultList();
        List<Guest> guests = new ArrayList<>();
        LocalDate today = today();
        for (Object[] r : rows) {
            PersonId host = new PersonId((UUID) r[1]);
            guests.add(new Guest(
                    (UUID) r[0],
                    host.value(),
                    people.contact(host)
                            .map(PersonDirectory.Contact::displayName)
                            .orElse("?"),
                    (String) r[2],
                    (String) r[3],
                    localDate(r[4]),
                    (String) r[5],
                    (UUID) r[6],
                    r[7] == null ? null : Columns.instant(r[7]),
                    r[8] == null ? null : Columns.instant(r[8]),
                    r[7] == null && r[8] == null && !localDate(r[4]).isBefore(today)));
        }
        return guests;
    }

    static LocalDate localDate(Object column) {
        return column instanceof LocalDate d ? d : ((java.sql.Date) column).toLocalDate();
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
