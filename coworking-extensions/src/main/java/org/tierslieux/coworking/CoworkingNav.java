package org.tierslieux.coworking;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Set;
import java.util.stream.Collectors;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * What the shell's place menu needs to know of coworking at the current place, read by the layout as
 * {@code inject:coworkingNav} (so that core's {@code Ui} knows nothing of coworking): whether the place has a desk
 * pool (the "Hot desks" link) or a meeting room (the "Meeting rooms" link). A fablab without them shows neither.
 * Read once per request.
 */
@Named("coworkingNav")
@RequestScoped
public class CoworkingNav {

    private final PlaceContext placeContext;
    private final ResourceService resources;
    private Set<String> kinds;

    CoworkingNav(PlaceContext placeContext, ResourceService resources) {
        this.placeContext = placeContext;
        this.resources = resources;
    }

    /** The place has an active desk pool. */
    public boolean desks() {
        return kinds().contains("DESK_POOL");
    }

    /** The place has an active meeting room. */
    public boolean rooms() {
        return kinds().contains("ROOM");
    }

    private Set<String> kinds() {
        if (kinds == null) {
            kinds = placeContext.current().isEmpty()
                    ? Set.of()
                    : resources.active().stream().map(Resource::kind).collect(Collectors.toSet());
        }
        return kinds;
    }
}
