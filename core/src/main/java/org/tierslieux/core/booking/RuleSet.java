package org.tierslieux.core.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.tenancy.TenantOwned;

/** The booking rules a manager set for one resource, one kind of resource, or the whole place. */
@Entity
@Table(name = "booking_rule")
class RuleSet extends TenantOwned {

    @Column(name = "resource_id")
    private UUID resourceId;

    private String kind;

    @Column(name = "min_minutes")
    private Integer minMinutes;

    @Column(name = "max_minutes")
    private Integer maxMinutes;

    @Column(name = "min_notice_minutes")
    private Integer minNoticeMinutes;

    @Column(name = "horizon_days")
    private Integer horizonDays;

    @Column(name = "cancel_deadline_minutes")
    private Integer cancelDeadlineMinutes;

    @Column(name = "max_active")
    private Integer maxActive;

    @Column(name = "max_hours_per_week")
    private Integer maxHoursPerWeek;

    @Enumerated(EnumType.STRING)
    private Audience audience;

    @Version
    private long version;

    protected RuleSet() {}

    RuleSet(ResourceId resource, String kind) {
        super(UUID.randomUUID());
        this.resourceId = resource == null ? null : resource.value();
        this.kind = kind;
    }

    void set(BookingRules.Settings s) {
        if (s.minMinutes() != null && s.maxMinutes() != null && s.minMinutes() > s.maxMinutes()) {
            throw DomainException.invalid("rules.min-above-max", Map.of("min", s.minMinutes(), "max", s.maxMinutes()));
        }
        minMinutes = s.minMinutes();
        maxMinutes = s.maxMinutes();
        minNoticeMinutes = s.minNoticeMinutes();
        horizonDays = s.horizonDays();
        cancelDeadlineMinutes = s.cancelDeadlineMinutes();
        maxActive = s.maxActive();
        maxHoursPerWeek = s.maxHoursPerWeek();
        audience = s.audience();
    }

    BookingRules.Settings settings() {
        return new BookingRules.Settings(
                minMinutes,
                maxMinutes,
                minNoticeMinutes,
                horizonDays,
                cancelDeadlineMinutes,
                maxActive,
                maxHoursPerWeek,
                audience);
    }

    UUID resourceId() {
        return resourceId;
    }

    String kind() {
        return kind;
    }
}
