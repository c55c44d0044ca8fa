package org.tierslieux.core.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.tenancy.TenantOwned;

/** One dated session of a training or an event; members book seats in it. */
@io.quarkus.qute.TemplateData
@Entity
@Table(name = "session")
public class Session extends TenantOwned {

    @Column(name = "resource_id", nullable = false)
    private UUID resourceId;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    private String title;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Session() {}

    Session(ResourceId resource, TimeRange period, String title, Instant at) {
        super(UUID.randomUUID());
        this.resourceId = resource.value();
        this.startsAt = period.start();
        this.endsAt = period.end();
        this.title = title;
        this.createdAt = at;
    }

    public UUID id() {
        return uuid();
    }

    public ResourceId resource() {
        return new ResourceId(resourceId);
    }

    public TimeRange period() {
        return new TimeRange(startsAt, endsAt);
    }

    public String title() {
        return title;
    }
}
