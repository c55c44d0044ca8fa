package org.tierslieux.core.booking.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.booking.Audience;
import org.tierslieux.core.booking.BookingRules;
import org.tierslieux.core.booking.RuleService;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceKinds;
import org.tierslieux.core.resource.ResourceService;

/**
 * Booking rules at three levels: the place, a kind of resource, one resource. A field left null inherits
 * from the wider level; {@code effective} shows what a booking of the resource must keep.
 */
@Path("/api/v1/places/{place}/rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Booking rules")
public class RulesResource {

    public record Rules(
            @Min(1) @Max(525_600) Integer minMinutes,
            @Min(1) @Max(525_600) Integer maxMinutes,
            @Min(0) @Max(525_600) Integer minNoticeMinutes,
            @Min(1) @Max(3660) Integer horizonDays,
            @Min(0) @Max(525_600) Integer cancelDeadlineMinutes,
            @Min(1) @Max(10_000) Integer maxActive,
            @Min(1) @Max(168) Integer maxHoursPerWeek,
            Audience audience) {

        static Rules of(BookingRules.Settings s) {
            return new Rules(
                    s.minMinutes(),
                    s.maxMinutes(),
                    s.minNoticeMinutes(),
                    s.horizonDays(),
                    s.cancelDeadlineMinutes(),
                    s.maxActive(),
                    s.maxHoursPerWeek(),
                    s.audience());
        }

        static Rules of(BookingRules r) {
            return new Rules(
                    r.minMinutes(),
                    r.maxMinutes(),
                    r.minNoticeMinutes(),
                    r.horizonDays(),
                    r.cancelDeadlineMinutes(),
                    r.maxActive(),
                    r.maxHoursPerWeek(),
                    r.audience());
        }

        BookingRules.Settings settings() {
            return new BookingRules.Settings(
                    minMinutes,
                    maxMinutes,
                    minNoticeMinutes,
                    horizonDays,
                    cancelDeadlineMinutes,
                    maxActive,
                    maxHoursPerWeek,
                    audience);
        }
    }

    public record ResourceRules(Rules own, Rules effective) {}

    private final RuleService rules;
    private final ResourceService resources;
    private final ResourceKinds kinds;

    RulesResource(RuleService rules, ResourceService resources, ResourceKinds kinds) {
        this.rules = rules;
        this.resources = resources;
        this.kinds = kinds;
    }

    @GET
    @Access.InPlace(Role.MEMBER)
    @Operation(summary = "The place-wide booking rules")
    public Rules place(@PathParam("place") String place) {
        return Rules.of(rules.settings(RuleService.Scope.PLACE));
    }

    @PUT
    @Access.InPlace(Role.MANAGER)
    public Rules setPlace(@PathParam("place") String place, @Valid @NotNull Rules request) {
        return Rules.of(rules.set(RuleService.Scope.PLACE, request.settings()));
    }

    @GET
    @Path("/kinds/{kind}")
    @Access.InPlace(Role.MEMBER)
    public Rules kind(@PathParam("place") String place, @PathParam("kind") String kind) {
        return Rules.of(
                rules.settings(new RuleService.Scope(null, kinds.byCode(kind).code())));
    }

    @PUT
    @Path("/kinds/{kind}")
    @Access.InPlace(Role.MANAGER)
    public Rules setKind(
            @PathParam("place") String place, @PathParam("kind") String kind, @Valid @NotNull Rules request) {
        return Rules.of(rules.set(new RuleService.Scope(null, kinds.byCode(kind).code()), request.settings()));
    }

    @GET
    @Path("/resources/{id}")
    @Access.InPlace(Role.MEMBER)
    public ResourceRules resource(@PathParam("place") String place, @PathParam("id") UUID id) {
        var resource = resources.find(new ResourceId(id));
        return new ResourceRules(
                Rules.of(rules.settings(new RuleService.Scope(resource.id(), null))),
                Rules.of(rules.rulesFor(resource)));
    }

    @PUT
    @Path("/resources/{id}")
    @Access.InPlace(Role.MANAGER)
    public ResourceRules setResource(
            @PathParam("place") String place, @PathParam("id") UUID id, @Valid @NotNull Rules request) {
        var resource = resources.find(new ResourceId(id));
        rules.set(new RuleService.Scope(resource.id(), null), request.settings());
        return resource(place, id);
    }
}
