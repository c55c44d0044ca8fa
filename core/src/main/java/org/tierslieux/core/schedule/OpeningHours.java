package org.tierslieux.core.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcType;
import org.hibernate.type.descriptor.jdbc.LocalTimeJdbcType;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.tenancy.TenantOwned;

/** One opening interval of a weekday, for the whole place (no resource) or one resource. */
@Entity
@Table(name = "opening_hours")
class OpeningHours extends TenantOwned {

    @Column(name = "resource_id")
    private UUID resourceId;

    @Column(name = "day_of_week", nullable = false)
    private short dayOfWeek;

    // bound as a plain local time: the default binding goes through java.sql.Time and the JDBC time zone
    // (UTC), which shifts the hours by the server's offset (9:00 became 19:15 on a server in Chatham)
    @Column(nullable = false)
    @JdbcType(LocalTimeJdbcType.class)
    private LocalTime opens;

    @Column(nullable = false)
    @JdbcType(LocalTimeJdbcType.class)
    private LocalTime closes;

    protected OpeningHours() {}

    OpeningHours(ResourceId resource, WeeklyHours.Interval interval) {
        super(UUID.randomUUID());
        this.resourceId = resource == null ? null : resource.value();
        this.dayOfWeek = (short) interval.day().getValue();
        this.opens = interval.opens();
        this.closes = interval.closes();
    }

    WeeklyHours.Interval interval() {
        return new WeeklyHours.Interval(DayOfWeek.of(dayOfWeek), opens, closes);
    }

    UUID resourceId() {
        return resourceId;
    }
}
