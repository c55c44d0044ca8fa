package org.tierslieux.core.training.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.PeopleService;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.core.training.QualificationService;

@Path("/api/v1/places/{place}/qualifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Trainings")
public class MyQualificationsResource {

    private final QualificationService qualifications;
    private final PeopleService people;
    private final PlaceContext placeContext;
    private final Caller caller;

    MyQualificationsResource(
            QualificationService qualifications, PeopleService people, PlaceContext placeContext, Caller caller) {
        this.qualifications = qualifications;
        this.people = people;
        this.placeContext = placeContext;
        this.caller = caller;
    }

    @POST
    @Path("/{id}/revoke")
    @Access.InPlace(Role.MANAGER)
    public QualificationsResource.QualificationResponse revoke(
            @PathParam("place") String place, @PathParam("id") UUID id) {
        return QualificationsResource.views(placeContext, people, List.of(qualifications.revoke(id)), true)
                .get(0);
    }

    @GET
    @Path("/mine")
    @Access.InPlace(Role.MEMBER)
    @Operation(summary = "My qualifications here")
    public List<QualificationsResource.QualificationResponse> mine(@PathParam("place") String place) {
        return QualificationsResource.views(
                placeContext, people, qualifications.ofPerson(caller.requirePerson()), false);
    }
}
