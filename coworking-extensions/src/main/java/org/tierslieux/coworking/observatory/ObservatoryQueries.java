package org.tierslieux.coworking.observatory;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * The raw rows the observatory adds up, read in the current place (row-level security applies). Person ids
 * are read only to count distinct people; they never leave the observatory.
 */
@ApplicationScoped
class ObservatoryQueries {

    record ResourceRow(UUID id, String kind, int units, Instant createdAt, Instant archivedAt) {}

    record BookingRow(UUID person, String kind, int units, Instant start, Instant end) {}

    private final PlaceContext placeContext;

    ObservatoryQueries(PlaceContext placeContext) {
        this.placeContext = placeContext;
    }

    /** The resources that existed at some point before {@code to}: a resource booked whole counts one unit. */
    @Transactional
    List<ResourceRow> resources(Instant from, Instant to) {
        placeContext.require();
        List<?> rows = Panache.getEntityManager()
                .createNativeQuery("select id, kind, case when booking_mode = 'SEATS' then capacity else 1 end,"
                        + " created_at, archived_at from resource"
                        + " where created_at < :to and (archived_at is null or archived_at > :from)")
                .setParameter("from", OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC))
                .setParameter("to", OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC))
                .getResultList();
        return rows.stream()
                .map(r -> (Object[]) r)
                .map(r -> new ResourceRow(
                        (UUID) r[0], (String) r[1], ((Number) r[2]).intValue(), instant(r[3]), instant(r[4])))
                .toList();
    }

    /** Confirmed bookings overlapping [from, to): a booking of a whole resource counts one unit. */
    @Transactional
    List<BookingRow> confirmedBookings(Instant from, Instant to) {
        placeContext.require();
        List<?> rows = Panache.getEntityManager()
                .createNativeQuery("select b.person_id, r.kind, case when b.exclusive then 1 else b.seats end,"
                        + " b.starts_at, b.ends_at from booking b"
                        + " join resource r on r.tenant_id = b.tenant_id and r.id = b.resource_id"
                        + " where b.status = 'CONFIRMED' and b.starts_at < :to and b.ends_at > :from")
                .setParameter("from", OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC))
                .setParameter("to", OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC))
                .getResultList();
        return rows.stream()
                .map(r -> (Object[]) r)
                .map(r -> new BookingRow(
                        (UUID) r[0], (String) r[1], ((Number) r[2]).intValue(), instant(r[3]), instant(r[4])))
                .toList();
    }

    /** When each member of the place first became one. */
    @Transactional
    List<Instant> membersSince() {
        placeContext.require();
        List<?> rows = Panache.getEntityManager()
                .createNativeQuery("select min(granted_at) from membership where role = 'MEMBER' group by person_id")
                .getResultList();
        return rows.stream().map(ObservatoryQueries::instant).toList();
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            case java.time.ZonedDateTime z -> z.toInstant();
            default -> throw new IllegalStateException("Not an instant: " + value.getClass());
        };
    }
}
