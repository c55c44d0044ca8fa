package org.tierslieux.core.plan.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tierslieux.core.credit.web.CreditsPages;
import org.tierslieux.core.credit.web.QuoteBox;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.plan.IncludedCredit;
import org.tierslieux.core.plan.PlanService;
import org.tierslieux.core.plan.Subscription;
import org.tierslieux.core.plan.SubscriptionService;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.web.Pages;

/** The plans on offer, the member's subscriptions, and subscribing after seeing the quote. */
@Path("/{place}/plans")
@Produces(MediaType.TEXT_HTML)
@Access.InPlace(Role.MEMBER)
public class PlansPages {

    /** A plan as offered: its price in words and its credits. */
    @TemplateData
    public record OfferLine(
            PlanService.Offer offer, String price, List<CreditLine> credits, String discount, boolean subscribed) {}

    @TemplateData
    public record CreditLine(String quantity, String unit, String kind, String resource) {}

    @TemplateData
    public record Mine(Subscription subscription, String plan) {
        public boolean cancellable() {
            return subscription.status().live() && !subscription.cancelAtPeriodEnd();
        }
    }

    private final PlanService plans;
    private final SubscriptionService subscriptions;
    private final ResourceService resources;
    private final Caller caller;
    private final Pages pages;
    private final Template list;
    private final Template subscribeTemplate;

    PlansPages(
            PlanService plans,
            SubscriptionService subscriptions,
            ResourceService resources,
            Caller caller,
            Pages pages,
            @Location("core/plans.html") Template list,
            @Location("core/subscribe.html") Template subscribeTemplate) {
        this.plans = plans;
        this.subscriptions = subscriptions;
        this.resources = resources;
        this.caller = caller;
        this.pages = pages;
        this.list = list;
        this.subscribeTemplate = subscribeTemplate;
    }

    @GET
    public TemplateInstance offers(@PathParam("place") String place, @QueryParam("done") String done) {
        return listPage(null).data("done", done != null && done.matches("[a-z-]{1,20}") ? done : null);
    }

    @GET
    @Path("{id}/subscribe")
    public TemplateInstance askToSubscribe(@PathParam("place") String place, @PathParam("id") UUID id) {
        return subscribePage(id, null);
    }

    @POST
    @Path("{id}/subscribe")
    public Response subscribe(@PathParam("place") String place, @PathParam("id") UUID id) {
        try {
            subscriptions.subscribe(caller.requirePerson(), id);
            return Pages.redirect("/" + place + "/plans?done=subscribed");
        } catch (DomainException refused) {
            return pages.refused(refused, error -> subscribePage(id, error));
        }
    }

    @POST
    @Path("subscriptions/{id}/cancel")
    public Response cancel(@PathParam("place") String place, @PathParam("id") UUID id) {
        try {
            subscriptions.scheduleCancellation(new SubscriptionService.Actor(caller.requirePerson(), false), id);
            return Pages.redirect("/" + place + "/plans?done=cancelled");
        } catch (DomainException refused) {
            return pages.refused(refused, this::listPage);
        }
    }

    private TemplateInstance listPage(String error) {
        PersonId me = caller.requirePerson();
        Map<UUID, String> names = resources.names();
        List<Subscription> mine = subscriptions.of(me);
        Set<UUID> live = mine.stream()
                .filter(s -> s.status().live())
                .map(Subscription::planId)
                .collect(Collectors.toSet());
        List<OfferLine> offers = plans.list(false).stream()
                .map(o -> line(o, names, live.contains(o.plan().id())))
                .toList();
        return pages.page(list)
                .data("offers", offers)
                .data(
                        "mine",
                        mine.stream()
                                .map(s -> new Mine(s, plans.find(s.planId()).name()))
                                .toList())
                .data("error", error)
                .data("done", null);
    }

    private TemplateInstance subscribePage(UUID id, String error) {
        Map<UUID, String> names = resources.names();
        return pages.page(subscribeTemplate)
                .data("line", line(plans.offer(id), names, false))
                .data("quote", QuoteBox.of(subscriptions.quote(caller.requirePerson(), id)))
                .data("error", error);
    }

    static OfferLine line(PlanService.Offer o, Map<UUID, String> names, boolean subscribed) {
        return new OfferLine(
                o,
                o.plan().price().toString(),
                o.credits().stream().map(c -> credit(c, names)).toList(),
                o.plan().extrasDiscountPercent().signum() > 0
                        ? o.plan().extrasDiscountPercent().stripTrailingZeros().toPlainString()
                        : null,
                subscribed);
    }

    static CreditLine credit(IncludedCredit c, Map<UUID, String> names) {
        return new CreditLine(
                c.quantity().stripTrailingZeros().toPlainString(),
                c.unit().name(),
                c.scope().kind(),
                CreditsPages.resourceName(c.scope(), names));
    }
}
