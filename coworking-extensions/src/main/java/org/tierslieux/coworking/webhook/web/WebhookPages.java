package org.tierslieux.coworking.webhook.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.web.Pages;
import org.tierslieux.coworking.webhook.WebhookEvent;
import org.tierslieux.coworking.webhook.WebhookViews;
import org.tierslieux.coworking.webhook.Webhooks;

/**
 * The managers' webhook pages: the list with the form to add one (the secret is shown on the answer page, once),
 * and a page per subscription with its log, a test, disable / enable again, a new secret, removal.
 */
@Path("/{place}/webhooks")
@Produces(MediaType.TEXT_HTML)
@Access.InPlace(Role.MANAGER)
public class WebhookPages {

    private static final List<String> EVENTS = java.util.Arrays.stream(WebhookEvent.values())
            .map(WebhookEvent::type)
            .toList();

    private final Webhooks webhooks;
    private final Pages pages;
    private final Template list;
    private final Template one;

    WebhookPages(
            Webhooks webhooks,
            Pages pages,
            @Location("coworking/webhooks.html") Template list,
            @Location("coworking/webhook.html") Template one) {
        this.webhooks = webhooks;
        this.pages = pages;
        this.list = list;
        this.one = one;
    }

    @GET
    public TemplateInstance show(@PathParam("place") String place, @QueryParam("done") String done) {
        return listPage(null, null, "", "", List.of()).data("done", "removed".equals(done) ? done : "");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(
            @PathParam("place") String place,
            @RestForm String url,
            @RestForm String description,
            @RestForm List<String> events) {
        List<String> chosen = events == null ? List.of() : events;
        try {
            WebhookViews.Created created = webhooks.create(url, description, chosen);
            return Response.ok(onePage(created.subscription().id(), null, "")
                            .data("secret", created.secret())
                            .render())
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .build();
        } catch (DomainException refused) {
            return pages.refused(
                    refused,
                    error -> listPage(
                                    error, null, url == null ? "" : url, description == null ? "" : description, chosen)
                            .data("done", ""));
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance one(
            @PathParam("place") String place, @PathParam("id") UUID id, @QueryParam("done") String done) {
        return onePage(id, null, done == null ? "" : done);
    }

    @POST
    @Path("{id}/test")
    public TemplateInstance test(@PathParam("place") String place, @PathParam("id") UUID id) {
        WebhookViews.Delivery sent = webhooks.test(id);
        return onePage(id, null, "").data("tested", sent);
    }

    @POST
    @Path("{id}/enable")
    public Response enable(@PathParam("place") String place, @PathParam("id") UUID id) {
        webhooks.enable(id);
        return Pages.redirect("/" + place + "/webhooks/" + id + "?done=enabled");
    }

    @POST
    @Path("{id}/disable")
    public Response disable(@PathParam("place") String place, @PathParam("id") UUID id) {
        webhooks.disable(id);
        return Pages.redirect("/" + place + "/webhooks/" + id + "?done=disabled");
    }

    @POST
    @Path("{id}/secret")
    public TemplateInstance replaceSecret(@PathParam("place") String place, @PathParam("id") UUID id) {
        WebhookViews.Created created = webhooks.replaceSecret(id);
        return onePage(id, null, "").data("secret", created.secret());
    }

    @POST
    @Path("{id}/remove")
    public Response remove(@PathParam("place") String place, @PathParam("id") UUID id) {
        webhooks.remove(id);
        return Pages.redirect("/" + place + "/webhooks?done=removed");
    }

    private TemplateInstance listPage(
            String error, String secret, String url, String description, List<String> chosen) {
        return pages.page(list)
                .data("webhooks", webhooks.list())
                .data("events", EVENTS)
                .data("error", error)
                .data("url", url)
                .data("description", description)
                .data("chosen", chosen);
    }

    private TemplateInstance onePage(UUID id, String error, String done) {
        return pages.page(one)
                .data("webhook", webhooks.get(id))
                .data("deliveries", webhooks.deliveries(id, 0, 50).items())
                .data("error", error)
                .data("done", done)
                .data("secret", null)
                .data("tested", null);
    }
}
