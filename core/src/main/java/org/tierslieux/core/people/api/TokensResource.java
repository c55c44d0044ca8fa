package org.tierslieux.core.people.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.PersonalToken;
import org.tierslieux.core.people.PersonalTokens;

/** Personal API tokens (local mode): for integrations, scripts and load, instead of a password. */
@Path("/api/v1/me/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "People")
@Access.SignedIn
public class TokensResource {

    public record TokenRequest(@NotBlank @Size(max = 80) String name) {}

    public record TokenResponse(
            UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
        static TokenResponse of(PersonalToken t) {
            return new TokenResponse(t.id(), t.name(), t.shownPrefix(), t.createdAt(), t.lastUsedAt(), t.revokedAt());
        }
    }

    /** The only answer that carries the secret: keep it, it cannot be shown again. */
    public record CreatedToken(UUID id, String name, String token, Instant createdAt) {}

    private final PersonalTokens tokens;
    private final Caller caller;

    TokensResource(PersonalTokens tokens, Caller caller) {
        this.tokens = tokens;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "My tokens (never their secrets)")
    public List<TokenResponse> list() {
        return tokens.of(caller.requirePerson()).stream().map(TokenResponse::of).toList();
    }

    @POST
    @Operation(
            summary = "Create a token; its secret is in this answer only",
            description = "Use it as Authorization: Bearer <token>.")
    public Response create(@Valid @NotNull TokenRequest request) {
        var created = tokens.create(caller.requirePerson(), request.name());
        return Response.created(
                        URI.create("/api/v1/me/tokens/" + created.token().id()))
                .entity(new CreatedToken(
                        created.token().id(),
                        created.token().name(),
                        created.secret(),
                        created.token().createdAt()))
                .build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a token: it stops working at once")
    public TokenResponse revoke(@PathParam("id") UUID id) {
        return TokenResponse.of(tokens.revoke(caller.requirePerson(), id));
    }
}
