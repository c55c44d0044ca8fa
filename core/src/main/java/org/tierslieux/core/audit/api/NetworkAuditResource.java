package org.tierslieux.core.audit.api;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.audit.AuditEntry;
import org.tierslieux.core.audit.AuditLog;
import org.tierslieux.core.audit.AuditQueries;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.web.Paged;

/** The audit log of every place, for network admins. */
@Path("/api/v1/network/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Network")
@Access.NetworkAdmin
public class NetworkAuditResource {

    /** One action: who, acting as what, did what, when, where, and what was answered. */
    public record AuditEntryResponse(
            UUID id,
            Instant at,
            String place,
            UUID personId,
            String email,
            String roles,
            String method,
            String path,
            String operation,
            int status) {

        static AuditEntryResponse of(AuditEntry e) {
            return new AuditEntryResponse(
                    e.id(),
                    e.at(),
                    e.placeSlug(),
                    e.personId(),
                    e.personEmail(),
                    e.roles(),
                    e.method(),
                    e.path(),
                    e.operation(),
                    e.status());
        }
    }

    private final AuditLog log;
    private final PlaceDirectory places;

    NetworkAuditResource(AuditLog log, PlaceDirectory places) {
        this.log = log;
        this.places = places;
    }

    @GET
    @Operation(
            summary = "The audit log of managers' and treasurers' actions",
            description = "Network admins: every state-changing request made in a place by its managers and"
                    + " treasurers (and by network admins on their endpoints), newest first. Filters: place (slug),"
                    + " from and to (instants with an offset, or dates in UTC; a date as 'to' includes its day).")
    public Paged<AuditEntryResponse> list(
            @QueryParam("place") String place,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        Paged<AuditEntry> found = log.network(AuditQueries.of(places, place, from, to, page, size));
        return new Paged<>(
                found.items().stream().map(AuditEntryResponse::of).toList(), found.page(), found.size(), found.total());
    }
}
