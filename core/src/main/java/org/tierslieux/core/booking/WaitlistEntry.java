package org.tierslieux.core.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.tenancy.TenantOwned;

/** A member waiting for a full slot; first come, first offered. */
@io.quarkus.qute.TemplateData
@Entity
@Table(name = "waitlist_entry")
public class WaitlistEntry extends TenantOwned {

    @Column(name = "resource_id", nullable = false)
    private UUID resourceId;

    @Column(name = "person_id", nullable = false)
    private UUID personId;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(nullable = false)
    private int seats;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private WaitlistStatus status;

    @Column(name = "offered_booking_id")
    private UUID offeredBookingId;

    @Column(name = "offer_expires_at")
    private Instant offerExpiresAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected WaitlistEntry() {}

    WaitlistEntry(ResourceId resource, PersonId person, TimeRange period, int seats, Instant now) {
        super(UUID.randomUUID());
        this.resourceId = resource.value();
        this.personId = person.value();
        this.startsAt = period.start();
        this.endsAt = period.end();
        this.seats = seats;
        this.status = WaitlistStatus.WAITING;
        this.createdAt = now;
    }

    void offer(BookingId booking, Instant until) {
        if (status != WaitlistStatus.WAITING) {
            throw DomainException.conflict("waitlist.not-waiting", Map.of("status", status));
        }
        status = WaitlistStatus.OFFERED;
        offeredBookingId = booking.value();
        offerExpiresAt = until;
    }

    void booked() {
        status = WaitlistStatus.BOOKED;
    }

    void offerExpired() {
        status = WaitlistStatus.EXPIRED;
    }

    void withdraw() {
        if (status != WaitlistStatus.WAITING && status != WaitlistStatus.OFFERED) {
            throw DomainException.conflict("waitlist.not-waiting", Map.of("status", status));
        }
        status = WaitlistStatus.WITHDRAWN;
    }

    public UUID id() {
        return uuid();
    }

    public ResourceId resourceId() {
        return new ResourceId(resourceId);
    }

    public PersonId person() {
        return new PersonId(personId);
    }

    public TimeRange period() {
        return new TimeRange(startsAt, endsAt);
    }

    public int seats() {
        return seats;
    }

    public WaitlistStatus status() {
        return status;
    }

    public UUID offeredBookingId() {
        return offeredBookingId;
    }

    public Instant offerExpiresAt() {
        return offerExpiresAt;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
