package org.tierslieux.core.privacy.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.privacy.PersonalData;

/** A person downloads what the application keeps about them (GDPR access and portability). */
@Path("/api/v1/me/export")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "People")
public class MyDataResource {

    private final Caller caller;
    private final PersonalData data;

    MyDataResource(Caller caller, PersonalData data) {
        this.caller = caller;
        this.data = data;
    }

    @GET
    @Access.SignedIn
    @Operation(summary = "Everything kept about me, in every place, as one JSON document")
    @APIResponse(
            responseCode = "200",
            description = "My data",
            content = @Content(schema = @Schema(implementation = PersonalData.Export.class)))
    public Response export() {
        PersonalData.Export export = data.of(caller.requirePerson());
        return Response.ok(export)
                .header("Content-Disposition", "attachment; filename=\"tierslieux-my-data.json\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
