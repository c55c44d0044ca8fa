package org.tierslieux.core.resource.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.web.Paged;

@Path("/api/v1/places/{place}/resources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Resources")
public class ResourcesResource {

    private final ResourceService resources;
    private final Caller caller;

    ResourcesResource(ResourceService resources, Caller caller) {
        this.resources = resources;
        this.caller = caller;
    }

    @GET
    @Access.InPlace(Role.MEMBER)
    @Operation(summary = "The place's resources", description = "Active ones; managers may add ?archived=true.")
    public Paged<ResourceResponse> list(
            @PathParam("place") String place,
            @QueryParam("archived") @DefaultValue("false") boolean archived,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        var listing = resources.list(archived && caller.has(Role.MANAGER), page, size);
        return new Paged<>(listing.items().stream().map(ResourceResponse::of).toList(), page, size, listing.total());
    }

    @GET
    @Path("/{id}")
    @Access.InPlace(Role.MEMBER)
    public ResourceResponse get(@PathParam("place") String place, @PathParam("id") UUID id) {
        return ResourceResponse.of(resources.find(new ResourceId(id)));
    }

    @POST
    @Access.InPlace(Role.MANAGER)
    @Operation(summary = "Create a resource")
    public Response create(@PathParam("place") String place, @Valid @NotNull ResourceRequest request) {
        var created = resources.create(request.kind(), request.details());
        return Response.created(URI.create("/api/v1/places/" + place + "/resources/" + created.id()))
                .entity(ResourceResponse.of(created))
                .build();
    }

    @PUT
    @Path("/{id}")
    @Access.InPlace(Role.MANAGER)
    @Operation(summary = "Edit a resource", description = "With version, a stale edit is refused (409).")
    public ResourceResponse edit(
            @PathParam("place") String place, @PathParam("id") UUID id, @Valid @NotNull ResourceRequest request) {
        return ResourceResponse.of(resources.edit(new ResourceId(id), request.details(), request.version()));
    }

    @POST
    @Path("/{id}/archive")
    @Access.InPlace(Role.MANAGER)
    public ResourceResponse archive(@PathParam("place") String place, @PathParam("id") UUID id) {
        return ResourceResponse.of(resources.archive(new ResourceId(id)));
    }

    @POST
    @Path("/{id}/restore")
    @Access.InPlace(Role.MANAGER)
    public ResourceResponse restore(@PathParam("place") String place, @PathParam("id") UUID id) {
        return ResourceResponse.of(resources.restore(new ResourceId(id)));
    }
}
