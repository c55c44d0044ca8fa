package org.tierslieux.core.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.tenancy.TenantOwned;

/**
 * A member holding a resource (or seats of it) over a time range. Its state changes are named and guarded:
 * {@link #confirm}, {@link #cancel}, {@link #expire}, {@link #markNoShow}, {@link #moveTo}.
 */
@io.quarkus.qute.TemplateData
@Entity
@Table(name = "booking")
public class Booking extends TenantOwned {

    @Column(name = "resource_id", nullable = false)
    private UUID resourceId;

    @Column(name = "person_id", nullable = false)
    private UUID personId;

    @Column(nullable = false)
    private int seats;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    /** Copied from the resource: whole-resource bookings fall under the exclusion constraint. */
    @Column(nullable = false)
    private boolean exclusive;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BookingStatus status;

    @Column(name = "hold_expires_at")
    private Instant holdExpiresAt;

    @Column(name = "series_id")
    private UUID seriesId;

    private String note;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "cancelled_by")
    private UUID cancelledBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancel_cause")
    private CancelCause cancelCause;

    @Column(name = "cancel_reason")
    private String cancelReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Booking() {}

    /** A booking that takes its slot at once, or holds it until {@code holdUntil} when that is given. */
    Booking(
            Resource resource,
            PersonId person,
            TimeRange period,
            int seats,
            Instant holdUntil,
            UUID seriesId,
            String note,
            Instant now) {
        super(UUID.randomUUID());
        this.resourceId = resource.id().value();
        this.personId = person.value();
        this.startsAt = period.start();
        this.endsAt = period.end();
        this.seats = seats;
        this.exclusive = resource.bookedWhole();
        this.status = holdUntil == null ? BookingStatus.CONFIRMED : BookingStatus.HELD;
        this.holdExpiresAt = holdUntil;
        this.seriesId = seriesId;
        this.note = note;
        this.createdAt = now;
    }

    /** HELD → CONFIRMED: paid, or a waitlist offer accepted in time. */
    void confirm(Instant now) {
        if (status != BookingStatus.HELD) {
            throw DomainException.conflict("booking.not-held", Map.of("status", status));
        }
        if (!now.isBefore(holdExpiresAt)) {
            throw DomainException.conflict("booking.hold-expired", Map.of());
        }
        status = BookingStatus.CONFIRMED;
        holdExpiresAt = null;
    }

    /** HELD or CONFIRMED → CANCELLED, before it has ended. */
    void cancel(PersonId by, CancelCause cause, String reason, Instant now) {
        if (!status.takesTheSlot()) {
            throw DomainException.conflict("booking.not-active", Map.of("status", status));
        }
        if (!now.isBefore(endsAt)) {
            throw DomainException.conflict("booking.already-over", Map.of());
        }
        status = BookingStatus.CANCELLED;
        cancelledAt = now;
        cancelledBy = by == null ? null : by.value();
        cancelCause = cause;
        cancelReason = reason;
        holdExpiresAt = null;
    }

    /** HELD past its expiry → EXPIRED: the slot is given back. */
    void expire(Instant now) {
        if (status != BookingStatus.HELD || now.isBefore(holdExpiresAt)) {
            throw DomainException.conflict("booking.not-expired", Map.of("status", status));
        }
        status = BookingStatus.EXPIRED;
        cancelledAt = now;
        cancelCause = CancelCause.EXPIRED;
        holdExpiresAt = null;
    }

    /** CONFIRMED and started → NO_SHOW. */
    void markNoShow(Instant now) {
        if (status != BookingStatus.CONFIRMED) {
            throw DomainException.conflict("booking.not-confirmed", Map.of("status", status));
        }
        if (now.isBefore(startsAt)) {
            throw DomainException.conflict("booking.not-started", Map.of());
        }
        status = BookingStatus.NO_SHOW;
    }

    /** Another time on the same resource; the caller checked the new time like a new booking. */
    void moveTo(TimeRange period) {
        if (!status.takesTheSlot()) {
            throw DomainException.conflict("booking.not-active", Map.of("status", status));
        }
        startsAt = period.start();
        endsAt = period.end();
    }

    public BookingId id() {
        return new BookingId(uuid());
    }

    public ResourceId resourceId() {
        return new ResourceId(resourceId);
    }

    public PersonId person() {
        return new PersonId(personId);
    }

    public boolean isOf(PersonId person) {
        return personId.equals(person.value());
    }

    public TimeRange period() {
        return new TimeRange(startsAt, endsAt);
    }

    public Instant start() {
        return startsAt;
    }

    public Instant end() {
        return endsAt;
    }

    public int seats() {
        return seats;
    }

    public BookingStatus status() {
        return status;
    }

    public Instant holdExpiresAt() {
        return holdExpiresAt;
    }

    public Optional<UUID> seriesId() {
        return Optional.ofNullable(seriesId);
    }

    public String note() {
        return note;
    }

    public CancelCause cancelCause() {
        return cancelCause;
    }

    public String cancelReason() {
        return cancelReason;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
