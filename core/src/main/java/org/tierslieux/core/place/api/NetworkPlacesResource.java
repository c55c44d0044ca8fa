package org.tierslieux.core.place.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.place.PlaceService;
import org.tierslieux.core.place.Slug;

@Path("/api/v1/network")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Network")
public class NetworkPlacesResource {

    private final PlaceService places;
    private final String baseUrl;

    NetworkPlacesResource(
            PlaceService places,
            @ConfigProperty(name = "tl.public-url", defaultValue = "http://localhost:8080") String baseUrl) {
        this.places = places;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @GET
    @Path("/places")
    @Access.Public
    @Operation(summary = "The places of the network (public)")
    public List<PlaceResponse> list() {
        return places.all().stream().map(p -> PlaceResponse.of(p, baseUrl)).toList();
    }

    @GET
    @Path("/places/{slug}")
    @Access.Public
    public PlaceResponse get(@PathParam("slug") String slug) {
        return PlaceResponse.of(places.get(slug), baseUrl);
    }

    @POST
    @Path("/places")
    @Access.NetworkAdmin
    @Operation(summary = "Add a place to the network")
    public Response create(@Valid @NotNull PlaceRequest request) {
        var place = places.create(new Slug(request.slug()), PlaceProfiles.from(request));
        return Response.created(URI.create("/api/v1/network/places/" + place.slug()))
                .entity(PlaceResponse.of(place, baseUrl))
                .build();
    }

    @PUT
    @Path("/places/{slug}")
    @Access.NetworkAdmin
    @Operation(
            summary = "Edit a place",
            description = "The slug never changes. With version, a stale edit is refused (409).")
    public PlaceResponse edit(@PathParam("slug") String slug, @Valid @NotNull PlaceRequest request) {
        return PlaceResponse.of(places.edit(slug, PlaceProfiles.from(request), request.version()), baseUrl);
    }

    @GET
    @Path("/places.geojson")
    @Produces({"application/geo+json", MediaType.APPLICATION_JSON})
    @Access.Public
    @Operation(summary = "The places of the network as a GeoJSON FeatureCollection (public)")
    public Map<String, Object> geojson() {
        List<Map<String, Object>> features = places.all().stream()
                .filter(p -> p.coordinates().isKnown())
                .map(p -> {
                    PlaceResponse r = PlaceResponse.of(p, baseUrl);
                    Map<String, Object> properties = new LinkedHashMap<>();
                    properties.put("slug", r.slug());
                    properties.put("name", r.name());
                    properties.put("city", r.city());
                    properties.put("kinds", r.kinds());
                    properties.put("latitude", r.latitude());
                    properties.put("longitude", r.longitude());
                    properties.put("url", r.url());
                    Map<String, Object> feature = new LinkedHashMap<>();
                    feature.put("type", "Feature");
                    feature.put(
                            "geometry", Map.of("type", "Point", "coordinates", List.of(r.longitude(), r.latitude())));
                    feature.put("properties", properties);
                    return feature;
                })
                .toList();
        return Map.of("type", "FeatureCollection", "features", features);
    }
}
