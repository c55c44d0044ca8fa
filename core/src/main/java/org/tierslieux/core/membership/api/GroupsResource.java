package org.tierslieux.core.membership.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.membership.GroupService;
import org.tierslieux.core.membership.MemberGroup;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.people.Role;

/**
 * Member groups: each place has {@code standard} (members without a group) and the groups its managers add
 * (student, association...). Prices may differ per group.
 */
@Path("/api/v1/places/{place}/groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Member groups and companies")
public class GroupsResource {

    /** {@code code}: lower-case letters, digits and dashes (2-40), stable; {@code name}: shown to people. */
    public record GroupRequest(
            @NotNull @Size(max = 40) String code,
            @NotNull @Size(max = 120) String name) {}

    public record RenameRequest(@NotNull @Size(max = 120) String name) {}

    public record GroupResponse(UUID id, String code, String name, boolean isDefault) {
        static GroupResponse of(MemberGroup g) {
            return new GroupResponse(g.id().value(), g.code(), g.name(), g.isDefault());
        }
    }

    public record Assignment(UUID personId, String group) {}

    private final GroupService groups;
    private final Caller caller;

    GroupsResource(GroupService groups, Caller caller) {
        this.groups = groups;
        this.caller = caller;
    }

    @GET
    @Access.InPlace(Role.MEMBER)
    @Operation(summary = "The place's member groups, the default one first")
    public List<GroupResponse> list(@PathParam("place") String place) {
        return groups.groups().stream().map(GroupResponse::of).toList();
    }

    @POST
    @Access.InPlace(Role.MANAGER)
    @Operation(summary = "Add a group", description = "409 group.exists; 422 group.code-invalid, group.name-invalid.")
    public Response create(@PathParam("place") String place, @Valid @NotNull GroupRequest request) {
        MemberGroup group = groups.create(request.code(), request.name());
        return Response.created(URI.create("/api/v1/places/" + place + "/groups/" + group.code()))
                .entity(GroupResponse.of(group))
                .build();
    }

    @GET
    @Path("/mine")
    @Access.InPlace(Role.MEMBER)
    @Operation(summary = "The caller's group here")
    public GroupResponse mine(@PathParam("place") String place) {
        return GroupResponse.of(groups.groupOf(caller.requirePerson()));
    }

    @GET
    @Path("/{code}")
    @Access.InPlace(Role.MEMBER)
    public GroupResponse get(@PathParam("place") String place, @PathParam("code") String code) {
        return GroupResponse.of(groups.find(code));
    }

    @PUT
    @Path("/{code}")
    @Access.InPlace(Role.MANAGER)
    @Operation(summary = "Rename a group (its code stays)")
    public GroupResponse rename(
            @PathParam("place") String place, @PathParam("code") String code, @Valid @NotNull RenameRequest request) {
        return GroupResponse.of(groups.rename(code, request.name()));
    }

    @GET
    @Path("/{code}/members")
    @Access.InPlace(Role.MANAGER)
    @Operation(summary = "The members put in a group (the default group lists nobody: it is everyone else)")
    public List<Assignment> members(@PathParam("place") String place, @PathParam("code") String code) {
        String c = groups.find(code).code();
        return groups.assignments().entrySet().stream()
                .filter(e -> e.getValue().equals(c))
                .map(e -> new Assignment(e.getKey(), e.getValue()))
                .toList();
    }

    @PUT
    @Path("/{code}/members/{personId}")
    @Access.InPlace(Role.MANAGER)
    @Operation(
            summary = "Put a member in a group",
            description = "A member is in one group at most: this moves them. `standard` puts them back in the"
                    + " default group. 404 group.not-found, person.not-found (not a member of the place).")
    public Assignment assign(
            @PathParam("place") String place, @PathParam("code") String code, @PathParam("personId") UUID personId) {
        MemberGroup group = groups.assign(new PersonId(personId), code);
        return new Assignment(personId, group.code());
    }
}
