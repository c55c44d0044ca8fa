package org.tierslieux.core.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.tenancy.TenantOwned;

/**
 * A member on a plan, period after period. State changes are named and refuse illegal moves: {@link #activate},
 * {@link #renew}, {@link #scheduleCancellation}, {@link #end}, {@link #suspend}, {@link #resume},
 * {@link #markPastDue}, {@link #markPaid}, {@link #changePlan}, {@link #cancel}.
 */
@io.quarkus.qute.TemplateData
@Entity
@Table(name = "subscription")
public class Subscription extends TenantOwned {

    @Column(name = "person_id", nullable = false, updatable = false)
    private UUID personId;

    @Column(name = "company_id")
    private UUID companyId;

    @Column(name = "plan_id", nullable = false)
    private UUID planId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SubscriptionStatus status;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "period_start", nullable = false)
    private Instant periodStart;

    @Column(name = "period_end", nullable = false)
    private Instant periodEnd;

    @Column(name = "cancel_at_period_end", nullable = false)
    private boolean cancelAtPeriodEnd;

    @Column(name = "commitment_end")
    private Instant commitmentEnd;

    @Column(name = "suspended_at")
    private Instant suspendedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Subscription() {}

    /** PENDING until {@link #activate}: the first period is {@code [now, end of the calendar period)}. */
    Subscription(
            PersonId person, UUID companyId, Plan plan, TimeRange firstPeriod, Instant commitmentEnd, Instant now) {
        super(UUID.randomUUID());
        this.personId = person.value();
        this.companyId = companyId;
        this.planId = plan.id();
        this.status = SubscriptionStatus.PENDING;
        this.startedAt = now;
        this.periodStart = firstPeriod.start();
        this.periodEnd = firstPeriod.end();
        this.commitmentEnd = commitmentEnd;
        this.createdAt = now;
    }

    /** PENDING → ACTIVE: confirmed at once, or paid. */
    void activate() {
        require(Set.of(SubscriptionStatus.PENDING), "activate");
        status = SubscriptionStatus.ACTIVE;
    }

    /** Into the next period: only from the end of the current one, and not when it should end instead. */
    void renew(TimeRange next) {
        require(Set.of(SubscriptionStatus.ACTIVE, SubscriptionStatus.PAST_DUE), "renew");
        if (!next.start().equals(periodEnd)) {
            throw DomainException.conflict("subscription.not-due", Map.of("periodEnd", periodEnd));
        }
        if (endsAtPeriodEnd()) {
            throw DomainException.conflict("subscription.ending", Map.of());
        }
        periodStart = next.start();
        periodEnd = next.end();
    }

    /** The member asks to stop: it runs to the end of the period (or of the commitment), then ends. */
    void scheduleCancellation() {
        require(Set.of(SubscriptionStatus.ACTIVE, SubscriptionStatus.PAST_DUE, SubscriptionStatus.SUSPENDED), "cancel");
        if (cancelAtPeriodEnd) {
            throw DomainException.conflict("subscription.already-cancelling", Map.of());
        }
        cancelAtPeriodEnd = true;
    }

    /** Whether the current period is its last: cancellation asked and the commitment (if any) kept. */
    public boolean endsAtPeriodEnd() {
        return cancelAtPeriodEnd && (commitmentEnd == null || !periodEnd.isBefore(commitmentEnd));
    }

    /** At the end of its last period → ENDED. */
    void end(Instant now) {
        require(Set.of(SubscriptionStatus.ACTIVE, SubscriptionStatus.PAST_DUE, SubscriptionStatus.SUSPENDED), "end");
        if (!endsAtPeriodEnd() && status != SubscriptionStatus.SUSPENDED) {
            throw DomainException.conflict("subscription.not-ending", Map.of());
        }
        status = SubscriptionStatus.ENDED;
        endedAt = now;
    }

    void suspend(Instant now) {
        require(Set.of(SubscriptionStatus.ACTIVE, SubscriptionStatus.PAST_DUE), "suspend");
        status = SubscriptionStatus.SUSPENDED;
        suspendedAt = now;
    }

    /** SUSPENDED → ACTIVE; when its period ran out meanwhile, it restarts on {@code restart} (the current one). */
    void resume(TimeRange restart) {
        require(Set.of(SubscriptionStatus.SUSPENDED), "resume");
        status = SubscriptionStatus.ACTIVE;
        suspendedAt = null;
        if (restart != null) {
            periodStart = restart.start();
            periodEnd = restart.end();
        }
    }

    /** A payment failed (billing). */
    void markPastDue() {
        require(Set.of(SubscriptionStatus.ACTIVE), "mark-past-due");
        status = SubscriptionStatus.PAST_DUE;
    }

    /** The late payment arrived (billing). */
    void markPaid() {
        require(Set.of(SubscriptionStatus.PAST_DUE), "mark-paid");
        status = SubscriptionStatus.ACTIVE;
    }

    /** Another plan from now on: the period restarts at {@code rest} (now to the end of the new plan's period). */
    void changePlan(Plan plan, TimeRange rest) {
        require(Set.of(SubscriptionStatus.ACTIVE), "change-plan");
        if (plan.id().equals(planId)) {
            throw DomainException.conflict("subscription.same-plan", Map.of());
        }
        planId = plan.id();
        periodStart = rest.start();
        periodEnd = rest.end();
    }

    /** Stopped at once by a manager → CANCELLED. */
    void cancel(Instant now) {
        if (!status.live()) {
            throw DomainException.conflict(
                    "subscription.illegal-transition", Map.of("status", status, "action", "cancel"));
        }
        status = SubscriptionStatus.CANCELLED;
        endedAt = now;
    }

    private void require(Set<SubscriptionStatus> from, String action) {
        if (!from.contains(status)) {
            throw DomainException.conflict(
                    "subscription.illegal-transition", Map.of("status", status, "action", action));
        }
    }

    public UUID id() {
        return uuid();
    }

    public PersonId person() {
        return new PersonId(personId);
    }

    public UUID companyId() {
        return companyId;
    }

    public UUID planId() {
        return planId;
    }

    public SubscriptionStatus status() {
        return status;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public TimeRange period() {
        return new TimeRange(periodStart, periodEnd);
    }

    public Instant periodStart() {
        return periodStart;
    }

    public Instant periodEnd() {
        return periodEnd;
    }

    public boolean cancelAtPeriodEnd() {
        return cancelAtPeriodEnd;
    }

    public Instant commitmentEnd() {
        return commitmentEnd;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public long version() {
        return version;
    }
}
