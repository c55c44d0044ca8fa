package org.tierslieux.core.people.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.Invitations;
import org.tierslieux.core.people.Role;

@Path("/api/v1/places/{place}/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "People")
public class InvitationsResource {

    /** Who to invite, and the role they get in the place at once ({@code MEMBER} when left out). */
    public record InvitationRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @Size(max = 120) String displayName,
            Role role) {}

    /**
     * {@code delivery}: {@code KEYCLOAK_ACTIONS} (Keycloak e-mails them to choose a password and verify the
     * address), {@code PASSWORD_LINK} (our e-mail with a one-time link to choose a password) or {@code NOTICE}
     * (they could already sign in: our e-mail tells them about the place).
     */
    public record InvitationResponse(
            UUID personId, String email, String displayName, Role role, Invitations.Delivery delivery) {}

    private final Invitations invitations;
    private final Caller caller;

    InvitationsResource(Invitations invitations, Caller caller) {
        this.invitations = invitations;
        this.caller = caller;
    }

    @POST
    @Access.InPlace(value = Role.MANAGER, networkAdmin = true)
    @Operation(
            summary = "Invite someone by e-mail: an account if they have none, the role at once, and an e-mail "
                    + "to choose their password (503 identity.unavailable when Keycloak cannot be reached)")
    public Response invite(@PathParam("place") String place, @Valid @NotNull InvitationRequest request) {
        Role role = request.role() == null ? Role.MEMBER : request.role();
        var invited = invitations.invite(caller.requirePerson(), request.email(), request.displayName(), role);
        return Response.status(Response.Status.CREATED)
                .entity(new InvitationResponse(
                        invited.person().value(),
                        invited.email(),
                        invited.displayName(),
                        invited.role(),
                        invited.delivery()))
                .build();
    }
}
