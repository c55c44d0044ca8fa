package org.tierslieux.core.people.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.IdentityMode;
import org.tierslieux.core.people.PeopleService;

/** Accounts of the network, created by its admins (roles in places are then given by each place). */
@Path("/api/v1/network/people")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Network")
@Access.NetworkAdmin
public class NetworkPeopleResource {

    public record AccountRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 120) String displayName,
            @Size(max = 200) String password,
            boolean networkAdmin) {}

    public record AccountResponse(UUID id, String email, String displayName, boolean networkAdmin) {}

    private final PeopleService people;
    private final IdentityMode mode;

    NetworkPeopleResource(PeopleService people, IdentityMode mode) {
        this.people = people;
        this.mode = mode;
    }

    @POST
    @Operation(
            summary = "Create an account",
            description =
                    "Local mode: with a password of 10 characters or more. OIDC mode: without a password; the person signs in through Keycloak with the same verified email.")
    public Response create(@Valid @NotNull AccountRequest request) {
        if (mode.isLocal() && request.password() == null) {
            throw DomainException.invalid("person.password-weak", Map.of("min", 10));
        }
        var id = people.createAccount(
                request.email(),
                request.displayName(),
                mode.isLocal() ? request.password() : null,
                request.networkAdmin());
        var person = people.find(id);
        return Response.status(201)
                .entity(new AccountResponse(id.value(), person.email(), person.displayName(), person.isNetworkAdmin()))
                .build();
    }
}
