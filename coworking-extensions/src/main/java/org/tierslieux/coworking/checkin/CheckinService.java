package org.tierslieux.coworking.checkin;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tierslieux.core.booking.Booking;
import org.tierslieux.core.booking.BookingId;
import org.tierslieux.core.booking.BookingService;
import org.tierslieux.core.booking.BookingStatus;
import org.tierslieux.core.credit.Allocation;
import org.tierslieux.core.credit.CreditLedger;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.Columns;
import org.tierslieux.core.kernel.DomainEvent;
import org.tierslieux.core.kernel.Secrets;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.PersonDirectory;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.pricing.CreditCoverage;
import org.tierslieux.core.pricing.Unit;
import org.tierslieux.core.pricing.Usage;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.coworking.desk.DeskAssignments;

/**
 * Arrivals at the current place. A pass is a secret code (only its SHA-256 is kept) for one booking or one
 * guest's day, shown as a QR code of {@code <public url>/<place>/checkin/scan?code=...}. A booking's code is the
 * same each time it is shown (an HMAC of the place and the booking under a key derived from the application's
 * secrets key), so a pass printed or saved in a wallet stays valid; a guest's is random, made once and mailed. A booking or a guest is
 * checked in once, on its day; the code of another place is simply unknown here (404), a used one is refused
 * (409 {@code checkin.already-used}). Every arrival fires {@link CheckinCreated}.
 */
@ApplicationScoped
public class CheckinService {

    /** The prefix of every pass code, so that a code read out of context says what it is. */
    static final String CODE_PREFIX = "tlp_";

    /** A booking expected today, or a guest, with whether they arrived. */
    @io.quarkus.qute.TemplateData
    public record Arrival(
            UUID booking,
            UUID guest,
            UUID resource,
            String resourceName,
            String name,
            String hostName,
            Instant start,
            Instant end,
            String status,
            Instant checkedInAt) {
        public boolean arrived() {
            return checkedInAt != null;
        }

        public boolean isGuest() {
            return guest != null;
        }
    }

    /** Someone here now. */
    @io.quarkus.qute.TemplateData
    public record Present(
            UUID checkin,
            String name,
            String hostName,
            UUID resource,
            String resourceName,
            Instant since,
            Instant until,
            String method) {
        public boolean isGuest() {
            return hostName != null;
        }
    }

    /** One resource now: seats booked, people checked in, capacity. */
    @io.quarkus.qute.TemplateData
    public record Occupancy(UUID resource, String name, String kind, int capacity, int booked, int checkedIn) {}

    /** The outcome of a check-in, for the page and the API. */
    @io.quarkus.qute.TemplateData
    public record Done(UUID checkin, String name, String hostName, String resourceName, Instant at, String method) {}

    /** Kinds a coworking's live occupancy shows. */
    static final Set<String> OCCUPANCY_KINDS = Set.of("DESK_POOL", "DESK", "ROOM", "PHONE_BOOTH", "SPACE");

    private final Clock clock;
    private final PlaceContext placeContext;
    private final BookingService bookings;
    private final ResourceService resources;
    private final PersonDirectory people;
    private final Event<DomainEvent> events;
    private final String publicUrl;
    private final Instance<CreditCoverage> coverage;
    private final CreditLedger ledger;
    private final byte[] passKey;
    private final DeskAssignments dedicatedDesks;

    CheckinService(
            Clock clock,
            PlaceContext placeContext,
            BookingService bookings,
            ResourceService resources,
            PersonDirectory people,
            Event<DomainEvent> events,
            @ConfigProperty(name = "tl.public-url", defaultValue = "http://localhost:8080") String publicUrl,
            @Any Instance<CreditCoverage> coverage,
            CreditLedger ledger,
            @ConfigProperty(name = "tl.secrets.encryption-key") Optional<String> secretsKey,
            DeskAssignments dedicatedDesks) {
        this.dedicatedDesks = dedicatedDesks;
        this.passKey = secretsKey.map(CheckinService::passKeyOf).orElse(null);
        this.coverage = coverage;
        this.ledger = ledger;
        this.clock = clock;
        this.placeContext = placeContext;
        this.bookings = bookings;
        this.resources = resources;
        this.people = people;
        this.events = events;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    // ---- passes -------------------------------------------------------------------------------------------

    /** The address a pass's QR code holds: opening it is checking in (staff) or showing the pass (anyone else). */
    public String scanUrl(String code) {
        return publicUrl + "/" + placeContext.require().slug() + "/checkin/scan?code=" + code;
    }

    /**
     * The code of a booking of the holder: the same each time (a pass printed or saved stays valid), as long as
     * the application's secrets key does not change. A booking of someone else: 404; not active: 409.
     */
    @Transactional
    public String passForBooking(PersonId holder, BookingId id) {
        Booking booking = bookings.find(id);
        if (!booking.isOf(holder)) {
            throw DomainException.notFound("booking.not-found", Map.of("id", id.toString()));
        }
        if (booking.status() != BookingStatus.CONFIRMED) {
            throw DomainException.conflict("checkin.booking-not-active", Map.of());
        }
        String code = bookingCode(id);
        em().createNativeQuery("insert into checkin_pass (tenant_id, id, token_hash, booking_id, created_at)"
                        + " values (current_place_id(), :id, :h, :b, :now) on conflict (tenant_id, booking_id)"
                        + " where booking_id is not null do update set token_hash = excluded.token_hash,"
                        + " created_at = excluded.created_at")
                .setParameter("id", UUID.randomUUID())
                .setParameter("h", Secrets.hash(code))
                .setParameter("b", id.value())
                .setParameter("now", clock.instant())
                .executeUpdate();
        return code;
    }

    /**
     * The stable code of a booking's pass: HMAC-SHA256 of the place and the booking. Without a secrets key (a dev
     * run without one), a random code: each showing then replaces the previous one, as before.
     */
    String bookingCode(BookingId id) {
        if (passKey == null) {
            return Secrets.newSecret(CODE_PREFIX);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(passKey, "HmacSHA256"));
            byte[] digest =
                    mac.doFinal(("booking:" + placeContext.require().id().value() + "/" + id.value())
                            .getBytes(StandardCharsets.UTF_8));
            return CODE_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make a pass code", e);
        }
    }

    /** A key of its own for passes, derived from the secrets key (never the encryption key itself). */
    private static byte[] passKeyOf(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (key.length == 0) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal("tierslieux check-in passes v1".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot derive the pass key", e);
        }
    }

    /** The code of a guest's pass, made once when they are invited (only its hash is kept: it is mailed). */
    @Transactional
    public String passForGuest(UUID guest) {
        String code = Secrets.newSecret(CODE_PREFIX);
        em().createNativeQuery("insert into checkin_pass (tenant_id, id, token_hash, guest_id, created_at)"
                        + " values (current_place_id(), :id, :h, :g, :now)")
                .setParameter("id", UUID.randomUUID())
                .setParameter("h", Secrets.hash(code))
                .setParameter("g", guest)
                .setParameter("now", clock.instant())
                .executeUpdate();
        return code;
    }

    // ---- checking in --------------------------------------------------------------------------------------

    /** The staff reads a pass: the booking or the guest it is for is checked in. */
    @Transactional
    public Done scan(String code, PersonId by) {
        if (code == null
                || !code.strip().startsWith(CODE_PREFIX)
                || code.strip().length() > 100) {
            throw DomainException.notFound("checkin.code-unknown", Map.of());
        }
        List<Object[]> rows = em().createNativeQuery(
                        "select booking_id, guest_id from checkin_pass where token_hash = :h", Object[].class)
                .setParameter("h", Secrets.hash(code.strip()))
                .getResultList();
        if (rows.isEmpty()) {
            throw DomainException.notFound("checkin.code-unknown", Map.of());
        }
        Object[] pass = rows.get(0);
        if (pass[0] != null) {
            return checkInBooking(new BookingId((UUID) pass[0]), "SCAN", by);
        }
        return checkInGuest((UUID) pass[1], "SCAN", by);
    }

    /** The staff checks a booking in from today's list (or a code read on the pass). */
    @Transactional
    public Done checkInBooking(BookingId id, String method, PersonId by) {
        Booking booking = bookings.find(id);
        return arrive(booking, method, by);
    }

    /** A member says "I'm here" for a booking of theirs today. */
    @Transactional
    public Done selfCheckIn(PersonId me, BookingId id) {
        Booking booking = bookings.find(id);
        if (!booking.isOf(me)) {
            throw DomainException.notFound("booking.not-found", Map.of("id", id.toString()));
        }
        return arrive(booking, "SELF", me);
    }

    private Done arrive(Booking booking, String method, PersonId by) {
        PlaceRef place = placeContext.require();
        Instant now = clock.instant();
        if (booking.status() == BookingStatus.HELD) {
            throw DomainException.conflict("checkin.booking-not-confirmed", Map.of());
        }
        if (booking.status() != BookingStatus.CONFIRMED) {
            if (checkinOf("booking_id", booking.id().value()).isPresent()) {
                throw DomainException.conflict("checkin.already-used", Map.of());
            }
            throw DomainException.conflict("checkin.booking-not-active", Map.of());
        }
        if (!today(place).overlaps(booking.period()) || !booking.end().isAfter(now)) {
            throw DomainException.conflict(
                    "checkin.not-today",
                    Map.of("day", booking.start().atZone(place.zone()).toLocalDate()));
        }
        lockCheckins();
        if (checkinOf("booking_id", booking.id().value()).isPresent()) {
            throw DomainException.conflict("checkin.already-used", Map.of());
        }
        UUID id = UUID.randomUUID();
        em().createNativeQuery(
                        "insert into checkin (tenant_id, id, booking_id, resource_id, person_id, method,"
                                + " checked_in_at, until, by_id) values (current_place_id(), :id, :b, :r, :p, :m, :now, :u, :by)")
                .setParameter("id", id)
                .setParameter("b", booking.id().value())
                .setParameter("r", booking.resourceId().value())
                .setParameter("p", booking.person().value())
                .setParameter("m", method)
                .setParameter("now", now)
                .setParameter("u", booking.end())
                .setParameter("by", by == null ? null : by.value())
                .executeUpdate();
        String resourceName = resources.find(booking.resourceId()).name();
        events.fire(new CheckinCreated(
                place.id(),
                id,
                booking.id().value(),
                booking.resourceId().value(),
                booking.person(),
                null,
                method,
                now));
        return new Done(id, nameOf(booking.person()), null, resourceName, now, method);
    }

    /**
     * A member comes without a booking: checked in on a desk pool until the end of the day, paid by one desk-day
     * of their credits (a carnet, a day pass, a plan's days). Refused when the pool is full now, when they are
     * already here, or without a desk-day left. A member who keeps a dedicated desk that day (not released) is
     * checked in on their desk instead, whatever pool was chosen, and nothing is taken from their credits.
     */
    @Transactional
    public Done walkIn(String email, ResourceId pool, PersonId by) {
        PlaceRef place = placeContext.require();
        Instant now = clock.instant();
        PersonId member = people.byEmail(email == null ? "" : email.strip())
                .map(PersonDirectory.Account::id)
                .filter(p -> !people.rolesInCurrentPlace(p, place.id()).isEmpty())
                .orElseThrow(() -> DomainException.notFound("checkin.member-unknown", Map.of()));
        Optional<Resource> ownDesk = dedicatedDesks.keptBy(member, now);
        if (ownDesk.isPresent()) {
            return onOwnDesk(member, ownDesk.get(), by);
        }
        Resource resource = resources.find(pool);
        if (!"DESK_POOL".equals(resource.kind()) || !resource.isActive()) {
            throw DomainException.invalid("checkin.walk-in-desk-pool-only", Map.of());
        }
        lockCheckins();
        refuseIfHere(member, now);
        int taken = seatsTakenNow(resource.id().value(), now);
        if (taken >= resource.capacity()) {
            throw DomainException.conflict("checkin.walk-in-full", Map.of("name", resource.name()));
        }
        Usage usage = new Usage(Map.of(Unit.DAY, BigDecimal.ONE, Unit.HALF_DAY, new BigDecimal("2")));
        ledger.lock(member);
        List<CreditCoverage.Covered> takes = List.of();
        for (CreditCoverage c : coverage) {
            takes = c.cover(member, resource, usage, now);
            break;
        }
        if (takes.isEmpty() || Allocation.coveredFraction(takes, usage).compareTo(BigDecimal.ONE) < 0) {
            throw DomainException.conflict("checkin.no-credit", Map.of());
        }
        return untilTonight(member, resource, takes, by);
    }

    /**
     * "I'm at my desk": a member who keeps a dedicated desk today (not released) checks themself in on it, with
     * no booking and no credits. 409 checkin.no-desk-today otherwise.
     */
    @Transactional
    public Done selfAtOwnDesk(PersonId me) {
        Resource desk = dedicatedDesks
                .keptBy(me, clock.instant())
                .orElseThrow(() -> DomainException.conflict("checkin.no-desk-today", Map.of()));
        return onOwnDesk(me, desk, me);
    }

    /** The dedicated desk {@code me} keeps today, if any (for the self check-in page). */
    @Transactional
    public Optional<Resource> ownDeskToday(PersonId me) {
        return dedicatedDesks.keptBy(me, clock.instant());
    }

    /** A holder on the desk they keep today: no seat to count, no credit to spend. */
    private Done onOwnDesk(PersonId member, Resource desk, PersonId by) {
        lockCheckins();
        refuseIfHere(member, clock.instant());
        return untilTonight(member, desk, List.of(), by);
    }

    /**
     * Checks {@code member} in on {@code resource} until the end of the day, spending {@code takes} (if any); the
     * caller holds the check-in lock and found them not here yet.
     */
    private Done untilTonight(PersonId member, Resource resource, List<CreditCoverage.Covered> takes, PersonId by) {
        PlaceRef place = placeContext.require();
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        LocalDate day = LocalDate.ofInstant(now, place.zone());
        em().createNativeQuery("insert into checkin (tenant_id, id, resource_id, person_id, method, checked_in_at,"
                        + " until, by_id) values (current_place_id(), :id, :r, :p, 'WALK_IN', :now, :u, :by)")
                .setParameter("id", id)
                .setParameter("r", resource.id().value())
                .setParameter("p", member.value())
                .setParameter("now", now)
                .setParameter("u", day.plusDays(1).atStartOfDay(place.zone()).toInstant())
                .setParameter("by", by == null ? null : by.value())
                .executeUpdate();
        if (!takes.isEmpty()) {
            ledger.consume(member, id, takes);
        }
        events.fire(new CheckinCreated(place.id(), id, null, resource.id().value(), member, null, "WALK_IN", now));
        return new Done(id, nameOf(member), null, resource.name(), now, "WALK_IN");
    }

    private void refuseIfHere(PersonId member, Instant now) {
        if (hereAt(member, now)) {
            throw DomainException.conflict("checkin.already-here", Map.of());
        }
    }

    /** Whether the member is checked in now (a booking, a walk-in or their own desk). */
    @Transactional
    public boolean hereNow(PersonId member) {
        return hereAt(member, clock.instant());
    }

    private boolean hereAt(PersonId member, Instant now) {
        Number here =
                (Number) em().createNativeQuery("select count(*) from checkin where person_id = :p and guest_id is null"
                                + " and checked_in_at <= :now and until > :now")
                        .setParameter("p", member.value())
                        .setParameter("now", now)
                        .getSingleResult();
        return here.intValue() > 0;
    }

    /** Seats of a resource taken now: confirmed bookings, and walk-ins checked in. */
    private int seatsTakenNow(UUID resource, Instant now) {
        int booked = 0;
        for (Booking b : bookings.ofResource(new ResourceId(resource), new TimeRange(now, now.plusNanos(1000)))) {
            if (b.status() == BookingStatus.CONFIRMED) {
                booked += b.seats();
            }
        }
        return booked + walkInsNow().getOrDefault(resource, 0);
    }

    private Map<UUID, Integer> walkInsNow() {
        Map<UUID, Integer> walkIns = new HashMap<>();
        em().createNativeQuery(
                        "select resource_id, count(*) from checkin where method = 'WALK_IN'"
                                + " and checked_in_at <= :now and until > :now group by resource_id",
                        Object[].class)
                .setParameter("now", clock.instant())
                .getResultList()
                .forEach(r -> walkIns.put((UUID) ((Object[]) r)[0], ((Number) ((Object[]) r)[1]).intValue()));
        return walkIns;
    }

    /** A guest arrives: on their day only, once. */
    @Transactional
    public Done checkInGuest(UUID guest, String method, PersonId by) {
        PlaceRef place = placeContext.require();
        Instant now = clock.instant();
        List<Object[]> rows = em().createNativeQuery(
                        "select host_id, name, day, cancelled_at from guest_invitation where id = :g", Object[].class)
                .setParameter("g", guest)
                .getResultList();
        if (rows.isEmpty()) {
            throw DomainException.notFound("guest.not-found", Map.of());
        }
        Object[] g = rows.get(0);
        if (g[3] != null) {
            throw DomainException.conflict("guest.cancelled", Map.of());
        }
        LocalDate day = localDate(g[2]);
        if (!day.equals(LocalDate.ofInstant(now, place.zone()))) {
            throw DomainException.conflict("checkin.not-today", Map.of("day", day));
        }
        lockCheckins();
        if (checkinOf("guest_id", guest).isPresent()) {
            throw DomainException.conflict("checkin.already-used", Map.of());
        }
        UUID host = (UUID) g[0];
        String name = (String) g[1];
        UUID id = UUID.randomUUID();
        em().createNativeQuery("insert into checkin (tenant_id, id, guest_id, person_id, method, checked_in_at,"
                        + " until, by_id) values (current_place_id(), :id, :g, :p, :m, :now, :u, :by)")
                .setParameter("id", id)
                .setParameter("g", guest)
                .setParameter("p", host)
                .setParameter("m", method)
                .setParameter("now", now)
                .setParameter("u", day.plusDays(1).atStartOfDay(place.zone()).toInstant())
                .setParameter("by", by == null ? null : by.value())
                .executeUpdate();
        events.fire(new CheckinCreated(place.id(), id, null, null, new PersonId(host), name, method, now));
        return new Done(id, name, nameOf(new PersonId(host)), null, now, method);
    }

    /** Two staff reading the same pass at once: one check-in, the other is told it is used. */
    private void lockCheckins() {
        em().createNativeQuery("select pg_advisory_xact_lock(hashtextextended('checkin:' || current_place_id(), 0))")
                .getSingleResult();
    }

    private Optional<UUID> checkinOf(String column, UUID id) {
        return em().createNativeQuery("select id from checkin where " + column + " = :id", UUID.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .map(UUID.class::cast);
    }

    // ---- reading ------------------------------------------------------------------------------------------

    /** Whether a booking was checked in (pages of the member). */
    @Transactional
    public boolean checkedIn(BookingId booking) {
        return checkinOf("booking_id", booking.value()).isPresent();
    }

    /** Today's bookings (confirmed or checked in) and guests, in order of arrival time. */
    @Transactional
    public List<Arrival> expectedToday() {
        PlaceRef place = placeContext.require();
        TimeRange today = today(place);
        Map<UUID, Instant> arrived = new HashMap<>();
        em().createNativeQuery(
                        "select coalesce(booking_id, guest_id), checked_in_at from checkin"
                                + " where checked_in_at >= :s and checked_in_at < :e",
                        Object[].class)
                .setParameter("s", today.start())
                .setParameter("e", today.end())
                .getResultList()
                .forEach(r -> arrived.put((UUID) ((Object[]) r)[0], Columns.instant(((Object[]) r)[1])));
        Map<UUID, String> names = resources.names();
        List<Arrival> list = new ArrayList<>();
        for (Booking b : bookings.inPlace(today, false)) {
            if (b.status() != BookingStatus.CONFIRMED && !arrived.containsKey(b.id().value())) {
                continue;
            }
            if (!OCCUPANCY_KINDS.contains(kindOf(b))) {
                continue;
            }
            list.add(new Arrival(
                    b.id().value(),
                    null,
                    b.resourceId().value(),
                    names.get(b.resourceId().value()),
                    nameOf(b.person()),
                    null,
                    b.start(),
                    b.end(),
                    b.status().name(),
                    arrived.get(b.id().value())));
        }
        LocalDate day = LocalDate.ofInstant(clock.instant(), place.zone());
        for (Object[] g : guestsOf(day)) {
            UUID id = (UUID) g[0];
            list.add(new Arrival(
                    null,
                    id,
                    null,
                    null,
                    (String) g[1],
                    nameOf(new PersonId((UUID) g[2])),
                    today.start(),
                    today.end(),
                    "GUEST",
                    arrived.get(id)));
        }
        list.sort(Comparator.comparing(Arrival::start).thenComparing(Arrival::name));
        return list;
    }

    private String kindOf(Booking b) {
        return resources.find(b.resourceId()).kind();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> guestsOf(LocalDate day) {
        return em().createNativeQuery(
                        "select id, name, host_id from guest_invitation where day = :d and cancelled_at is null"
                                + " order by name",
                        Object[].class)
                .setParameter("d", day)
                .getResultList();
    }

    /** Who is here now: checked in, and their booking (or guest day) not over. */
    @Transactional
    public List<Present> here() {
        placeContext.require();
        Instant now = clock.instant();
        Map<UUID, String> names = resources.names();
        List<Object[]> rows = em().createNativeQuery(
                        "select c.id, c.person_id, g.name, c.resource_id, c.checked_in_at, c.until, c.method"
                                + " from checkin c left join guest_invitation g"
                                + " on g.tenant_id = c.tenant_id and g.id = c.guest_id"
                                + " where c.checked_in_at <= :now and c.until > :now order by c.checked_in_at",
                        Object[].class)
                .setParameter("now", now)
                .getResultList();
        List<Present> list = new ArrayList<>();
        for (Object[] r : rows) {
            String person = nameOf(new PersonId((UUID) r[1]));
            boolean guest = r[2] != null;
            list.add(new Present(
                    (UUID) r[0],
                    guest ? (String) r[2] : person,
                    guest ? person : null,
                    (UUID) r[3],
                    r[3] == null ? null : names.get((UUID) r[3]),
                    Columns.instant(r[4]),
                    Columns.instant(r[5]),
                    (String) r[6]));
        }
        return list;
    }

    /** Per desk pool, desk, room...: seats booked now, people checked in now, capacity. */
    @Transactional
    public List<Occupancy> occupancy() {
        placeContext.require();
        Instant now = clock.instant();
        TimeRange instant = new TimeRange(now, now.plusNanos(1000));
        Map<UUID, Integer> booked = new HashMap<>();
        for (Booking b : bookings.inPlace(instant, true)) {
            if (b.status() == BookingStatus.CONFIRMED) {
                booked.merge(b.resourceId().value(), b.seats(), Integer::sum);
            }
        }
        walkInsNow().forEach((r, n) -> booked.merge(r, n, Integer::sum));
        Map<UUID, Integer> present = new HashMap<>();
        em().createNativeQuery(
                        "select resource_id, count(*) from checkin where resource_id is not null"
                                + " and checked_in_at <= :now and until > :now group by resource_id",
                        Object[].class)
                .setParameter("now", now)
                .getResultList()
                .forEach(r -> present.put((UUID) ((Object[]) r)[0], ((Number) ((Object[]) r)[1]).intValue()));
        List<Occupancy> list = new ArrayList<>();
        for (Resource r : resources.active()) {
            if (!OCCUPANCY_KINDS.contains(r.kind())) {
                continue;
            }
            UUID id = r.id().value();
            list.add(new Occupancy(
                    id, r.name(), r.kind(), r.capacity(), booked.getOrDefault(id, 0), present.getOrDefault(id, 0)));
        }
        return list;
    }

    /** Guests checked in now (not on a resource): counted apart in the occupancy. */
    @Transactional
    public int guestsHere() {
        return (int) here().stream().filter(Present::isGuest).count();
    }

    /** Today in the place's zone, midnight to midnight. */
    public TimeRange today() {
        return today(placeContext.require());
    }

    TimeRange today(PlaceRef place) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), place.zone());
        return TimeRange.ofDays(day, day, place.zone());
    }

    String nameOf(PersonId person) {
        return people.contact(person).map(PersonDirectory.Contact::displayName).orElse("?");
    }

    static LocalDate localDate(Object column) {
        return column instanceof LocalDate d ? d : ((java.sql.Date) column).toLocalDate();
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
