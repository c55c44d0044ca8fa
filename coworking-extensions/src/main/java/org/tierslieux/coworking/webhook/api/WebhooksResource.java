package org.tierslieux.coworking.webhook.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.web.Paged;
import org.tierslieux.coworking.webhook.WebhookViews;
import org.tierslieux.coworking.webhook.Webhooks;

/** A place's outgoing webhooks, for its managers. Signature scheme: docs/api.md, "Coworking: webhooks". */
@Path("/api/v1/places/{place}/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@Access.InPlace(Role.MANAGER)
public class WebhooksResource {

    /**
     * A subscription to add or change: the receiver's {@code url} (http or https), the {@code events} among
     * booking.confirmed, booking.cancelled, checkin.created, an optional {@code description}.
     */
    public record WebhookRequest(@NotNull String url, List<String> events, String description) {}

    private final Webhooks webhooks;

    WebhooksResource(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GET
    @Operation(summary = "The place's webhook subscriptions (never their secrets)")
    public List<WebhookViews.Subscription> list(@PathParam("place") String place) {
        return webhooks.list();
    }

    @POST
    @Operation(
            summary = "Subscribe a URL to events; the answer holds the signing secret, shown this once only",
            description = "422 webhook.url-invalid (not http(s), no host, user or password in the URL),"
                    + " webhook.url-self (the server itself), webhook.events-required, webhook.event-unknown;"
                    + " 409 webhook.too-many.")
    public Response create(@PathParam("place") String place, @Valid @NotNull WebhookRequest request) {
        WebhookViews.Created created = webhooks.create(request.url(), request.description(), request.events());
        return Response.created(URI.create("/api/v1/places/" + place + "/webhooks/"
                        + created.subscription().id()))
                .entity(created)
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One subscription")
    public WebhookViews.Subscription get(@PathParam("place") String place, @PathParam("id") UUID id) {
        return webhooks.get(id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a subscription's URL, events and description (the secret stays)")
    public WebhookViews.Subscription change(
            @PathParam("place") String place, @PathParam("id") UUID id, @Valid @NotNull WebhookRequest request) {
        return webhooks.change(id, request.url(), request.description(), request.events());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a subscription and its delivery log")
    public Response remove(@PathParam("place") String place, @PathParam("id") UUID id) {
        webhooks.remove(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/enable")
    @Operation(summary = "Enable a subscription again (after repeated failures): its pending deliveries go at once")
    public WebhookViews.Subscription enable(@PathParam("place") String place, @PathParam("id") UUID id) {
        return webhooks.enable(id);
    }

    @POST
    @Path("{id}/disable")
    @Operation(summary = "Disable a subscription: deliveries wait until it is enabled again")
    public WebhookViews.Subscription disable(@PathParam("place") String place, @PathParam("id") UUID id) {
        return webhooks.disable(id);
    }

    @POST
    @Path("{id}/secret")
    @Operation(summary = "Replace the signing secret; the new one is in the answer, shown this once only")
    public WebhookViews.Created replaceSecret(@PathParam("place") String place, @PathParam("id") UUID id) {
        return webhooks.replaceSecret(id);
    }

    @POST
    @Path("{id}/test")
    @Operation(
            summary = "Send a webhook.test delivery now and answer how it went",
            description = "Sent once, never retried, not counted as a failure; sent even to a disabled subscription.")
    public WebhookViews.Delivery test(@PathParam("place") String place, @PathParam("id") UUID id) {
        return webhooks.test(id);
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "The delivery log of a subscription, the latest first")
    public Paged<WebhookViews.Delivery> deliveries(
            @PathParam("place") String place,
            @PathParam("id") UUID id,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        return webhooks.deliveries(id, page, size);
    }
}
