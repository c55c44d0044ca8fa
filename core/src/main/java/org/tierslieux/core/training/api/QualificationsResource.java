package org.tierslieux.core.training.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.PeopleService;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.core.training.Qualification;
import org.tierslieux.core.training.QualificationService;

@Path("/api/v1/places/{place}/trainings/{training}/qualifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Trainings")
public class QualificationsResource {

    /** {@code validUntil}: the last local day the qualification is valid (none: no end). */
    public record GrantRequest(@NotNull UUID personId, LocalDate validUntil) {}

    public record QualificationResponse(
            UUID id,
            UUID personId,
            String personName,
            UUID trainingId,
            OffsetDateTime grantedAt,
            LocalDate validUntil) {}

    private final QualificationService qualifications;
    private final PeopleService people;
    private final PlaceContext placeContext;
    private final Caller caller;

    QualificationsResource(
            QualificationService qualifications, PeopleService people, PlaceContext placeContext, Caller caller) {
        this.qualifications = qualifications;
        this.people = people;
        this.placeContext = placeContext;
        this.caller = caller;
    }

    @GET
    @Access.InPlace(Role.MANAGER)
    @Operation(summary = "Who is qualified on a training")
    public List<QualificationResponse> ofTraining(
            @PathParam("place") String place, @PathParam("training") UUID training) {
        return views(placeContext, people, qualifications.ofTraining(new ResourceId(training)), true);
    }

    @POST
    @Access.InPlace(Role.MANAGER)
    @Operation(summary = "Mark a member qualified (after the session), optionally until a date")
    public Response grant(
            @PathParam("place") String place,
            @PathParam("training") UUID training,
            @Valid @NotNull GrantRequest request) {
        ZoneId zone = placeContext.require().zone();
        if (request.validUntil() != null && request.validUntil().getYear() > 2200) {
            throw DomainException.invalid("qualification.absurd-date", Map.of());
        }
        var granted = qualifications.grant(
                new ResourceId(training),
                new PersonId(request.personId()),
                request.validUntil() == null
                        ? null
                        : request.validUntil().plusDays(1).atStartOfDay(zone).toInstant(),
                caller.requirePerson());
        return Response.status(201)
                .entity(views(placeContext, people, List.of(granted), true).get(0))
                .build();
    }

    static List<QualificationResponse> views(
            PlaceContext placeContext, PeopleService people, List<Qualification> list, boolean withNames) {
        ZoneId zone = placeContext.require().zone();
        Map<UUID, String> names = withNames
                ? people.displayNames(
                        list.stream().map(q -> q.person().value()).distinct().toList())
                : Map.of();
        return list.stream()
                .map(q -> new QualificationResponse(
                        q.id(),
                        q.person().value(),
                        names.get(q.person().value()),
                        q.training().value(),
                        q.grantedAt().atZone(zone).toOffsetDateTime(),
                        q.validUntil() == null
                                ? null
                                : q.validUntil().atZone(zone).toLocalDate().minusDays(1)))
                .toList();
    }
}
