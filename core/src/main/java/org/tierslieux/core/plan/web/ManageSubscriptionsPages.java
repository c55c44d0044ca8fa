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
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.PersonDirectory;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.plan.Plan;
import org.tierslieux.core.plan.PlanService;
import org.tierslieux.core.plan.Subscription;
import org.tierslieux.core.plan.SubscriptionRenewal;
import org.tierslieux.core.plan.SubscriptionService;
import org.tierslieux.core.plan.SubscriptionStatus;
import org.tierslieux.core.web.Pages;

/** Managers: the place's subscriptions and their states; suspend, resume, cancel now; run the renewals. */
@Path("/{place}/manage/subscriptions")
@Produces(MediaType.TEXT_HTML)
@Access.InPlace(Role.MANAGER)
public class ManageSubscriptionsPages {

    @TemplateData
    public record Line(Subscription subscription, String member, String plan) {
        public boolean suspendable() {
            return subscription.status() == SubscriptionStatus.ACTIVE
                    || subscription.status() == SubscriptionStatus.PAST_DUE;
        }

        public boolean resumable() {
            return subscription.status() == SubscriptionStatus.SUSPENDED;
        }

        public boolean live() {
            return subscription.status().live();
        }
    }

    private final SubscriptionService subscriptions;
    private final SubscriptionRenewal renewal;
    private final PlanService plans;
    private final PersonDirectory people;
    private final Pages pages;
    private final Template template;

    ManageSubscriptionsPages(
            SubscriptionService subscriptions,
            SubscriptionRenewal renewal,
            PlanService plans,
            PersonDirectory people,
            Pages pages,
            @Location("core/manage-subscriptions.html") Template template) {
        this.subscriptions = subscriptions;
        this.renewal = renewal;
        this.plans = plans;
        this.people = people;
        this.pages = pages;
        this.template = template;
    }

    @GET
    public TemplateInstance show(@PathParam("place") String place, @QueryParam("ran") Integer ran) {
        return page(null).data("ran", ran);
    }

    @POST
    @Path("{id}/suspend")
    public Response suspend(@PathParam("place") String place, @PathParam("id") UUID id) {
        return act(place, () -> subscriptions.suspend(id));
    }

    @POST
    @Path("{id}/resume")
    public Response resume(@PathParam("place") String place, @PathParam("id") UUID id) {
        return act(place, () -> subscriptions.resume(id));
    }

    @POST
    @Path("{id}/cancel")
    public Response cancel(@PathParam("place") String place, @PathParam("id") UUID id) {
        return act(place, () -> subscriptions.cancelNow(id));
    }

    @POST
    @Path("renewals")
    public Response renew(@PathParam("place") String place) {
        var outcome = renewal.runNow();
        return Pages.redirect("/" + place + "/manage/subscriptions?ran=" + outcome.renewed());
    }

    private Response act(String place, Runnable action) {
        try {
            action.run();
            return Pages.redirect("/" + place + "/manage/subscriptions");
        } catch (DomainException refused) {
            return pages.refused(refused, error -> page(error).data("ran", null));
        }
    }

    private TemplateInstance page(String error) {
        Map<UUID, String> planNames = new HashMap<>();
        plans.list(true).forEach(o -> planNames.put(o.plan().id(), o.plan().name()));
        var lines = subscriptions.list(null, 0, 200).stream()
                .map(s -> new Line(
                        s,
                        people.byId(s.person())
                                .map(PersonDirectory.Account::displayName)
                                .orElse("?"),
                        planNames.getOrDefault(s.planId(), "?")))
                .toList();
        return pages.page(template).data("lines", lines).data("error", error);
    }

    static String name(Plan plan) {
        return plan.name();
    }
}
