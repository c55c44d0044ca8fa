package org.tierslieux.core.people.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.PersonDirectory;
import org.tierslieux.core.people.Role;

@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "People")
public class MeResource {

    public record MyPlace(String slug, String name, Set<Role> roles) {}

    public record Me(UUID id, String email, String displayName, boolean networkAdmin, List<MyPlace> places) {}

    private final Caller caller;
    private final PersonDirectory directory;

    MeResource(Caller caller, PersonDirectory directory) {
        this.caller = caller;
        this.directory = directory;
    }

    @GET
    @Access.SignedIn
    @Operation(summary = "Who I am, and my roles in each place")
    public Me me() {
        var person = caller.requirePerson();
        var account = directory.byId(person).orElseThrow();
        var places = directory.placesOf(person).stream()
                .map(p -> new MyPlace(p.slug(), p.name(), p.roles()))
                .toList();
        return new Me(person.value(), account.email(), account.displayName(), account.networkAdmin(), places);
    }
}
