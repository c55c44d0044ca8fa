package org.tierslieux.core.people.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.PeopleService;
import org.tierslieux.core.people.PersonDirectory;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.web.Paged;

@Path("/api/v1/places/{place}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "People")
public class MembersResource {

    public record MemberResponse(UUID personId, String email, String displayName, Set<Role> roles, Instant since) {
        static MemberResponse of(PeopleService.Member m) {
            return new MemberResponse(m.person().value(), m.email(), m.displayName(), m.roles(), m.since());
        }
    }

    /** Sets the roles of an existing account in this place; an empty set removes the person from the place. */
    public record RolesRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull Set<Role> roles) {}

    private final PeopleService people;
    private final PersonDirectory directory;

    MembersResource(PeopleService people, PersonDirectory directory) {
        this.people = people;
        this.directory = directory;
    }

    @GET
    @Access.InPlace(value = Role.MANAGER, networkAdmin = true)
    @Operation(summary = "The people of the place and their roles, by name")
    public Paged<MemberResponse> list(
            @PathParam("place") String place,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        var members = people.membersHere(page, size);
        return new Paged<>(members.items().stream().map(MemberResponse::of).toList(), page, size, members.total());
    }

    @POST
    @Access.InPlace(value = Role.MANAGER, networkAdmin = true)
    @Operation(summary = "Set a person's roles in the place")
    public MemberResponse setRoles(@PathParam("place") String place, @Valid @NotNull RolesRequest request) {
        var account = directory
                .byEmail(request.email())
                .orElseThrow(() -> DomainException.notFound("person.not-found", Map.of("id", request.email())));
        people.setRoles(account.id(), request.roles());
        return people.memberHere(account.id())
                .map(MemberResponse::of)
                .orElse(new MemberResponse(
                        account.id().value(), account.email(), account.displayName(), Set.of(), null));
    }
}
