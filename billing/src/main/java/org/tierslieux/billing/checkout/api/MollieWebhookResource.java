package org.tierslieux.billing.checkout.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.billing.checkout.Checkout;
import org.tierslieux.core.people.Access;

/**
 * Mollie's webhook: a form with the payment's id only. Public (Mollie signs nothing): what counts is what the
 * payment provider answers when asked with the place's own key, never what the call says.
 */
@Path("/api/v1/webhooks/mollie/{place}")
@Tag(name = "Checkout")
public class MollieWebhookResource {

    private final Checkout checkout;

    MollieWebhookResource(Checkout checkout) {
        this.checkout = checkout;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Access.Public
    @Operation(
            summary = "A payment of the place changed (Mollie's webhook)",
            description = "Form field id (tr_...). 200 once handled, also when nothing changed (replays, late or"
                    + " out-of-order calls). 404 payment.not-found for an id unknown here (forged, or another"
                    + " place's); 409 payment.amount-mismatch when the provider's amount is not the order's"
                    + " (nothing changed).")
    public Response notify(@PathParam("place") String place, @FormParam("id") String id) {
        checkout.webhook(id);
        return Response.ok().build();
    }
}
