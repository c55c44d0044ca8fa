package org.tierslieux.core.plan.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.credit.api.MoneyJson;
import org.tierslieux.core.credit.api.QuoteView;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.plan.Plan;
import org.tierslieux.core.plan.PlanService;
import org.tierslieux.core.plan.Subscription;
import org.tierslieux.core.plan.SubscriptionPeriod;
import org.tierslieux.core.plan.SubscriptionRenewal;
import org.tierslieux.core.plan.SubscriptionService;
import org.tierslieux.core.plan.SubscriptionStatus;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.core.web.Paged;

@Path("/api/v1/places/{place}/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plans and credits")
public class SubscriptionsResource {

    /** {@code personId}: managers may subscribe a member; members subscribe themselves. */
    public record SubscribeRequest(@NotNull UUID planId, UUID personId) {}

    public record ChangePlanRequest(@NotNull UUID planId) {}

    /** {@code atOnce}: managers stop it now instead of at the end of the period. */
    public record CancelRequest(Boolean atOnce) {}

    public record PeriodResponse(
            String kind, UUID planId, OffsetDateTime start, OffsetDateTime end, MoneyJson price, UUID quoteId) {}

    public record SubscriptionResponse(
            UUID id,
            UUID personId,
            UUID planId,
            String planName,
            String status,
            OffsetDateTime startedAt,
            OffsetDateTime periodStart,
            OffsetDateTime periodEnd,
            boolean cancelAtPeriodEnd,
            OffsetDateTime commitmentEnd,
            OffsetDateTime endedAt,
            List<PeriodResponse> periods,
            QuoteView quote) {}

    public record RenewalResponse(int renewed, int expiredLots) {}

    private final SubscriptionService subscriptions;
    private final SubscriptionRenewal renewal;
    private final PlanService plans;
    private final PlaceContext placeContext;
    private final Caller caller;

    SubscriptionsResource(
            SubscriptionService subscriptions,
            SubscriptionRenewal renewal,
            PlanService plans,
            PlaceContext placeContext,
            Caller caller) {
        this.subscriptions = subscriptions;
        this.renewal = renewal;
        this.plans = plans;
        this.placeContext = placeContext;
        this.caller = caller;
    }

    @POST
    @Access.InPlace(Role.MEMBER)
    @Operation(
            summary = "Subscribe to a plan",
            description = "201 with the subscription and the quote of its first period (prorata temporis from"
                    + " today). 409 subscription.already-active when already subscribed to that plan; 404"
                    + " plan.not-found; 409 plan.archived.")
    public Response subscribe(@PathParam("place") String place, @Valid @NotNull SubscribeRequest request) {
        PersonId me = caller.requirePerson();
        PersonId who = me;
        if (request.personId() != null && !request.personId().equals(me.value())) {
            if (!caller.has(Role.MANAGER)) {
                throw DomainException.forbidden("subscription.manager-only");
            }
            who = new PersonId(request.personId());
        }
        var done = subscriptions.subscribe(who, request.planId());
        return Response.created(URI.create("/api/v1/places/" + place + "/subscriptions/"
                        + done.subscription().id()))
                .entity(view(done.subscription(), done.quote()))
                .build();
    }

    @GET
    @Path("/mine")
    @Access.InPlace(Role.MEMBER)
    @Operation(summary = "My subscriptions here, newest first")
    public List<SubscriptionResponse> mine(@PathParam("place") String place) {
        return subscriptions.of(caller.requirePerson()).stream()
                .map(s -> view(s, null))
                .toList();
    }

    @GET
    @Access.InPlace(Role.MANAGER)
    @Operation(summary = "The place's subscriptions (managers)", description = "Optional `status`.")
    public Paged<SubscriptionResponse> all(
            @PathParam("place") String place,
            @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        SubscriptionStatus s = status(status);
        return new Paged<>(
                subscriptions.list(s, page, size).stream()
                        .map(x -> view(x, null))
                        .toList(),
                page,
                size,
                subscriptions.count(s));
    }

    @GET
    @Path("/{id}")
    @Access.InPlace(Role.MEMBER)
    public SubscriptionResponse get(@PathParam("place") String place, @PathParam("id") UUID id) {
        return view(subscriptions.visible(actor(), id), null);
    }

    @POST
    @Path("/{id}/cancel")
    @Access.InPlace(Role.MEMBER)
    @Operation(
            summary = "Cancel at the end of the period",
            description = "Runs to the end of the current period (or of the commitment), then ends. Managers may"
                    + " stop it at once with `atOnce: true` (its plan credits expire).")
    public SubscriptionResponse cancel(
            @PathParam("place") String place, @PathParam("id") UUID id, CancelRequest request) {
        if (request != null && Boolean.TRUE.equals(request.atOnce())) {
            if (!caller.has(Role.MANAGER)) {
                throw DomainException.forbidden("subscription.manager-only");
            }
            return view(subscriptions.cancelNow(id), null);
        }
        return view(subscriptions.scheduleCancellation(actor(), id), null);
    }

    @POST
    @Path("/{id}/suspend")
    @Access.InPlace(Role.MANAGER)
    public SubscriptionResponse suspend(@PathParam("place") String place, @PathParam("id") UUID id) {
        return view(subscriptions.suspend(id), null);
    }

    @POST
    @Path("/{id}/resume")
    @Access.InPlace(Role.MANAGER)
    public SubscriptionResponse resume(@PathParam("place") String place, @PathParam("id") UUID id) {
        var done = subscriptions.resume(id);
        return view(done.subscription(), done.quote());
    }

    @GET
    @Path("/{id}/change-plan/quote")
    @Access.InPlace(Role.MEMBER)
    @Operation(summary = "What changing to another plan now would cost (a credit for the unused days)")
    public QuoteView changeQuote(
            @PathParam("place") String place, @PathParam("id") UUID id, @QueryParam("planId") UUID planId) {
        if (planId == null) {
            throw DomainException.invalid("plan.not-found", Map.of("id", ""));
        }
        return QuoteView.of(subscriptions.changeQuote(actor(), id, planId));
    }

    @POST
    @Path("/{id}/change-plan")
    @Access.InPlace(Role.MEMBER)
    @Operation(
            summary = "Change plan now",
            description = "A credit line for the unused days of the old plan and a charged line for the rest of"
                    + " the new one's period; the old plan's unused credits expire, the new plan's are granted"
                    + " prorata.")
    public SubscriptionResponse changePlan(
            @PathParam("place") String place, @PathParam("id") UUID id, @Valid @NotNull ChangePlanRequest request) {
        var done = subscriptions.changePlan(actor(), id, request.planId());
        return view(done.subscription(), done.quote());
    }

    @POST
    @Path("/renewals")
    @Access.InPlace(Role.MANAGER)
    @Operation(
            summary = "Run the renewal job here now (managers)",
            description = "Renews the due subscriptions of the place, ends those whose last period is over, expires"
                    + " lots past their expiry. Idempotent: a second run renews nothing more.")
    public RenewalResponse renew(@PathParam("place") String place) {
        var outcome = renewal.runNow();
        return new RenewalResponse(outcome.renewed(), outcome.expiredLots());
    }

    private SubscriptionService.Actor actor() {
        return new SubscriptionService.Actor(caller.requirePerson(), caller.has(Role.MANAGER));
    }

    private SubscriptionResponse view(Subscription s, org.tierslieux.core.pricing.Quote quote) {
        ZoneId zone = placeContext.require().zone();
        Plan plan = plans.find(s.planId());
        List<PeriodResponse> periods =
                subscriptions.periods(s.id()).stream().map(p -> period(p, zone)).toList();
        return new SubscriptionResponse(
                s.id(),
                s.person().value(),
                s.planId(),
                plan.name(),
                s.status().name(),
                local(s.startedAt(), zone),
                local(s.periodStart(), zone),
                local(s.periodEnd(), zone),
                s.cancelAtPeriodEnd(),
                local(s.commitmentEnd(), zone),
                local(s.endedAt(), zone),
                periods,
                QuoteView.of(quote));
    }

    private static PeriodResponse period(SubscriptionPeriod p, ZoneId zone) {
        return new PeriodResponse(
                p.kind(),
                p.planId(),
                local(p.periodStart(), zone),
                local(p.periodEnd(), zone),
                MoneyJson.of(p.price()),
                p.quoteId());
    }

    private static OffsetDateTime local(java.time.Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    private static SubscriptionStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return SubscriptionStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("subscription.status-unknown", Map.of("status", text));
        }
    }
}
