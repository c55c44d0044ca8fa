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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.place.PlaceKind;
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

    /** The body of a description edit. */
    public record DescriptionRequest(
            @jakarta.validation.constraints.Size(max = 2000) String description) {}

    @PUT
    @Path("/places/{slug}/description")
    @Access.NetworkAdmin
    @Operation(
            summary = "Replace a place's public description",
            description = "Shown on /network/places/{slug}; at most 2000 characters; blank clears it.")
    public Map<String, Object> describe(@PathParam("slug") String slug, @Valid @NotNull DescriptionRequest request) {
        var place = places.describe(slug, request.description());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", place.slug());
        body.put("description", place.description());
        return body;
    }

    @GET
    @Path("/places.geojson")
    @Produces({"application/geo+json", MediaType.APPLICATION_JSON})
    @Access.Public
    @Operation(
            summary = "The places of the network as a GeoJSON FeatureCollection (public)",
            description = "bbox=minLon,minLat,maxLon,maxLat keeps the places inside that box (WGS 84 degrees);"
                    + " kind=COWORKING (or FABLAB...) keeps the places of that kind. Absurd bounds: 422"
                    + " map.bounds-invalid; an unknown kind: 422 map.kind-invalid.")
    public Map<String, Object> geojson(@QueryParam("bbox") String bbox, @QueryParam("kind") String kind) {
        MapBounds bounds = MapBounds.parse(bbox);
        PlaceKind wanted = kindOf(kind);
        List<Map<String, Object>> features = places.all().stream()
                .filter(p -> p.coordinates().isKnown())
                .filter(p -> wanted == null || p.kinds().contains(wanted))
                .filter(p -> bounds == null
                        || bounds.contains(
                                p.coordinates().longitude(), p.coordinates().latitude()))
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
                    properties.put("page", baseUrl + "/network/places/" + r.slug());
                    Map<String, Object> feature = new LinkedHashMap<>();
                    feature.put("type", "Feature");
                    feature.put(
                            "geometry", Map.of("type", "Point", "coordinates", List.of(r.longitude(), r.latitude())));
                    feature.put("properties", properties);
                    return feature;
                })
                .toList();
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        if (bounds != null) {
            collection.put("bbox", bounds.asList());
        }
        collection.put("features", features);
        return collection;
    }

    private static PlaceKind kindOf(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return PlaceKind.valueOf(kind.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw DomainException.invalid("map.kind-invalid", Map.of("kind", kind));
        }
    }
}
