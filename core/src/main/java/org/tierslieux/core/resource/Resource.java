package org.tierslieux.core.resource;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
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
