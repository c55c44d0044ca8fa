package org.tierslieux.core.plan.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.credit.api.MoneyJson;
import org.tierslieux.core.credit.api.QuoteView;
import org.tierslieux.core.credit.api.ScopeJson;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.plan.IncludedCredit;
import org.tierslieux.core.plan.PlanDraft;
import org.tierslieux.core.plan.PlanPeriod;
import org.tierslieux.core.plan.PlanService;
import org.tierslieux.core.plan.SubscriptionService;
import org.tierslieux.core.pricing.VatRate;
import org.tierslieux.core.tenancy.PlaceContext;

@Path("/api/v1/places/{place}/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plans and credits")
public class PlansResource {

    public record CreditJson(ScopeJson scope, String unit, BigDecimal quantity) {}

    public record PlanRequest(
            @Size(max = 120) String name,
            @Size(max = 1000) String description,
            String period,
            MoneyJson price,
            String vatRate,
            Integer commitmentPeriods,
            List<CreditJson> credits,
            Boolean carryOver,
            BigDecimal extrasDiscountPercent) {}

    public record PlanResponse(
            UUID id,
            String name,
            String description,
            String period,
            MoneyJson price,
            String vatRate,
            int commitmentPeriods,
            List<CreditJson> credits,
            boolean carryOver,
            BigDecimal extrasDiscountPercent,
            String status) {

        public static PlanResponse of(PlanService.Offer o) {
            var p = o.plan();
            return new PlanResponse(
                    p.id(),
                    p.name(),
                    p.description(),
                    p.period().name(),
                    MoneyJson.of(p.price()),
                    p.vat().code(),
                    p.commitmentPeriods(),
                    o.credits().stream()
                            .map(c -> new CreditJson(
                                    ScopeJson.of(c.scope()), c.unit().name(), c.quantity()))
                            .toList(),
                    p.carryOver(),
                    p.extrasDiscountPercent(),
                    p.status());
        }
    }

    private final PlanService plans;
    private final SubscriptionService subscriptions;
    private final PlaceContext placeContext;
    private final Caller caller;

    PlansResource(PlanService plans, SubscriptionService subscriptions, PlaceContext placeContext, Caller caller) {
        this.plans = plans;
        this.subscriptions = subscriptions;
        this.placeContext = placeContext;
        this.caller = caller;
    }

    @GET
    @Access.InPlace(Role.MEMBER)
    @Operation(summary = "Plans on offer", description = "`all=true` (managers) adds archived plans.")
    public List<PlanResponse> list(
            @PathParam("place") String place, @QueryParam("all") @DefaultValue("false") boolean all) {
        return plans.list(all && caller.has(Role.MANAGER)).stream()
                .map(PlanResponse::of)
                .toList();
    }

    @POST
    @Access.InPlace(Role.MANAGER)
    @Operation(
            summary = "Offer a plan (managers)",
            description = "`period` MONTH, QUARTER or YEAR (422 plan.period-missing without one); `price` from 0 to"
                    + " 99999.99 (422 price.amount-invalid); `vatRate` 20, 10, 5.5, 2.1 or EXEMPT (422"
                    + " price.vat-rate-unknown); `credits` granted each period; 409 plan.name-taken.")
    public Response create(@PathParam("place") String place, @Valid @NotNull PlanRequest r) {
        if (r.price() == null) {
            throw DomainException.invalid("price.amount-invalid", Map.of());
        }
        var offer = plans.create(new PlanDraft(
                r.name(),
                r.description(),
                period(r.period()),
                r.price().toMoney(placeContext.require().currency()),
                VatRate.of(r.vatRate()),
                r.commitmentPeriods() == null ? 0 : r.commitmentPeriods(),
                r.credits() == null
                        ? List.of()
                        : r.credits().stream()
                                .map(c -> new IncludedCredit(
                                        c.scope() == null ? null : c.scope().toScope(),
                                        ScopeJson.unit(c.unit()),
                                        c.quantity()))
                                .toList(),
                Boolean.TRUE.equals(r.carryOver()),
                r.extrasDiscountPercent()));
        return Response.created(URI.create(
                        "/api/v1/places/" + place + "/plans/" + offer.plan().id()))
                .entity(PlanResponse.of(offer))
                .build();
    }

    @GET
    @Path("/{id}")
    @Access.InPlace(Role.MEMBER)
    public PlanResponse get(@PathParam("place") String place, @PathParam("id") UUID id) {
        return PlanResponse.of(plans.offer(id));
    }

    @GET
    @Path("/{id}/quote")
    @Access.InPlace(Role.MEMBER)
    @Operation(
            summary = "What subscribing to this plan now would cost me",
            description = "The rest of the current calendar period, prorata temporis. Nothing is written.")
    public QuoteView quote(@PathParam("place") String place, @PathParam("id") UUID id) {
        return QuoteView.of(subscriptions.quote(caller.requirePerson(), id));
    }

    @POST
    @Path("/{id}/archive")
    @Access.InPlace(Role.MANAGER)
    @Operation(summary = "Stop offering a plan (current subscriptions keep running)")
    public PlanResponse archive(@PathParam("place") String place, @PathParam("id") UUID id) {
        plans.archive(id);
        return PlanResponse.of(plans.offer(id));
    }

    @POST
    @Path("/{id}/restore")
    @Access.InPlace(Role.MANAGER)
    public PlanResponse restore(@PathParam("place") String place, @PathParam("id") UUID id) {
        plans.restore(id);
        return PlanResponse.of(plans.offer(id));
    }

    static PlanPeriod period(String text) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid("plan.period-missing", Map.of());
        }
        try {
            return PlanPeriod.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("plan.period-missing", Map.of());
        }
    }
}
