package org.tierslieux.core.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.tenancy.TenantOwned;

/** A time when the whole place (no resource) or one resource cannot be booked. */
@io.quarkus.qute.TemplateData
@Entity
@Table(name = "closure")
public class Closure extends TenantOwned {

    @Column(name = "resource_id")
    private UUID resourceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ClosureKind kind;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    private String reason;

    @Column(name = "created_by")
    private UUID createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Closure() {}

    Closure(ResourceId resource, ClosureKind kind, TimeRange period, String reason, PersonId by, Instant at) {
        super(UUID.randomUUID());
        this.resourceId = resource == null ? null : resource.value();
        this.kind = kind;
        this.startsAt = period.start();
        this.endsAt = period.end();
        this.reason = reason;
        this.createdBy = by == null ? null : by.value();
        this.createdAt = at;
    }

    public UUID id() {
        return uuid();
    }

    /** The resource closed, or empty when the whole place is. */
    public Optional<ResourceId> resource() {
        return Optional.ofNullable(resourceId).map(ResourceId::new);
    }

    public boolean concerns(ResourceId resource) {
        return resourceId == null || resourceId.equals(resource.value());
    }

    public ClosureKind kind() {
        return kind;
    }

    public TimeRange period() {
        return new TimeRange(startsAt, endsAt);
    }

    public String reason() {
        return reason;
    }
}
