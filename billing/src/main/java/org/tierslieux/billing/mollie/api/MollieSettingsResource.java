package org.tierslieux.billing.mollie.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.billing.mollie.MollieAccounts;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Role;

/** A place's Mollie account: the key is written, replaced or removed, never read back. */
@Path("/api/v1/places/{place}/payment-settings/mollie")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Payments")
public class MollieSettingsResource {

    /** The key to set: {@code test_...} or {@code live_...}. */
    public record KeyRequest(@NotNull String apiKey) {
        @Override
        public String toString() {
            return "KeyRequest[apiKey=***]";
        }
    }

    /** What is shown of the key: {@code configured}, and when it is, its mode, last four characters and date. */
    public record MollieSettings(boolean configured, String mode, String last4, Instant updatedAt) {}

    private final MollieAccounts accounts;

    MollieSettingsResource(MollieAccounts accounts) {
        this.accounts = accounts;
    }

    @GET
    @Access.InPlace({Role.MANAGER, Role.TREASURER})
    @Operation(summary = "Whether the place has a Mollie key, its mode and last four characters (never the key)")
    public MollieSettings get(@PathParam("place") String place) {
        return accounts.shown()
                .map(s -> new MollieSettings(true, s.mode(), s.last4(), s.updatedAt()))
                .orElse(new MollieSettings(false, null, null, null));
    }

    @PUT
    @Access.InPlace({Role.MANAGER, Role.TREASURER})
    @Operation(
            summary = "Set or replace the place's Mollie API key",
            description = "The key must look like test_... or live_... (422 mollie.key-invalid) and be accepted by"
                    + " Mollie (422 mollie.key-rejected). It is stored encrypted and never returned.")
    public MollieSettings set(@PathParam("place") String place, @Valid @NotNull KeyRequest request) {
        var shown = accounts.set(request.apiKey());
        return new MollieSettings(true, shown.mode(), shown.last4(), shown.updatedAt());
    }

    @DELETE
    @Access.InPlace({Role.MANAGER, Role.TREASURER})
    @Operation(summary = "Remove the place's Mollie key: the place takes no online payment any more")
    public Response remove(@PathParam("place") String place) {
        accounts.remove();
        return Response.noContent().build();
    }
}
