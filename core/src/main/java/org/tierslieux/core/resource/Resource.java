package org.tierslieux.core.resource;

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
import org.tierslieux.core.tenancy.TenantOwned;

/** Something a place lends out. Owned by one place ({@code tenant_id}); archived, never deleted. */
@io.quarkus.qute.TemplateData
@Entity
@Table(name = "resource")
public class Resource extends TenantOwned {

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String name;

    private String description;

    @Column(nullable = false)
    private int capacity;

    @Enumerated(EnumType.STRING)
    @Column(name = "booking_mode", nullable = false)
    private BookingMode bookingMode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ResourceStatus status;

    @Column(name = "slot_minutes", nullable = false)
    private int slotMinutes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Scheduling scheduling;

    @Column(name = "requires_training_id")
    private UUID requiresTrainingId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "archived_at")
    private Instant archivedAt;

    @Version
    private long version;

    protected Resource() {}

    Resource(ResourceId id, ResourceKind kind, ResourceDetails details, Instant createdAt) {
        super(id.value());
        this.kind = kind.code();
        this.bookingMode = kind.bookingMode();
        this.scheduling = kind.scheduling();
        this.status = ResourceStatus.ACTIVE;
        this.createdAt = createdAt;
        describe(kind, details);
    }

    /** A manager's edit. The kind never changes: bookings and prices were made for it. */
    void describe(ResourceKind kind, ResourceDetails details) {
        int capacity = details.capacity() == null ? kind.defaultCapacity() : details.capacity();
        if (!kind.capacityMatters() && capacity != 1) {
            throw DomainException.invalid("resource.capacity-single", Map.of("kind", kind.code()));
        }
        this.name = details.name();
        this.description = details.description();
        this.capacity = capacity;
        if (details.slotMinutes() != null) {
            this.slotMinutes = details.slotMinutes();
        } else if (this.slotMinutes == 0) {
            this.slotMinutes = kind.defaultSlotMinutes();
        }
    }

    /** Members must hold a qualification from this training before booking (null: no training needed). */
    void requireTraining(ResourceId training) {
        this.requiresTrainingId = training == null ? null : training.value();
    }

    void archive(Instant at) {
        if (status == ResourceStatus.ARCHIVED) {
            throw DomainException.conflict("resource.already-archived", Map.of("name", name));
        }
        status = ResourceStatus.ARCHIVED;
        archivedAt = at;
    }

    void restore() {
        if (status == ResourceStatus.ACTIVE) {
            throw DomainException.conflict("resource.not-archived", Map.of("name", name));
        }
        status = ResourceStatus.ACTIVE;
        archivedAt = null;
    }

    public ResourceId id() {
        return new ResourceId(uuid());
    }

    public String kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public int capacity() {
        return capacity;
    }

    public BookingMode bookingMode() {
        return bookingMode;
    }

    /** The booking grid, counted from each opening time: bookings start and end on it (or at closing). */
    public int slotMinutes() {
        return slotMinutes;
    }

    public Scheduling scheduling() {
        return scheduling;
    }

    /** How many bookings may overlap: one for a resource booked whole (a room's capacity counts people). */
    public int seatsOnOffer() {
        return bookedWhole() ? 1 : capacity;
    }

    public boolean bookedWhole() {
        return bookingMode == BookingMode.EXCLUSIVE;
    }

    public Optional<ResourceId> requiredTraining() {
        return Optional.ofNullable(requiresTrainingId).map(ResourceId::new);
    }

    public ResourceStatus status() {
        return status;
    }

    public boolean isActive() {
        return status == ResourceStatus.ACTIVE;
    }

    public Instant archivedAt() {
        return archivedAt;
    }

    public long version() {
        return version;
    }
}
