package org.tierslieux.coworking.room.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.web.Forms;
import org.tierslieux.core.web.Pages;
import org.tierslieux.coworking.room.Rooms;

/**
 * The meeting rooms of a place: capacity, equipment, the member and non-member rates, a link to book; a manager
 * edits each room's equipment and non-member supplement on the same page.
 */
@Path("/{place}/rooms")
@Produces(MediaType.TEXT_HTML)
@Access.InPlace(Role.MEMBER)
public class RoomsPages {

    @TemplateData
    public record RoomView(
            String id,
            String name,
            String description,
            int capacity,
            List<String> equipment,
            String supplement,
            String supplementInput) {
        public String equipmentText() {
            return String.join("\n", equipment);
        }
    }

    private final Rooms rooms;
    private final Pages pages;
    private final Template template;

    RoomsPages(Rooms rooms, Pages pages, @Location("coworking/rooms.html") Template template) {
        this.rooms = rooms;
        this.pages = pages;
        this.template = template;
    }

    @GET
    public TemplateInstance list(@PathParam("place") String place, @QueryParam("saved") String saved) {
        return page(null, null).data("saved", saved != null);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Access.InPlace(Role.MANAGER)
    public Response configure(
            @PathParam("place") String place,
            @PathParam("id") UUID id,
            @RestForm String equipment,
            @RestForm String supplement) {
        try {
            rooms.configure(
                    new ResourceId(id),
                    equipment == null ? List.of() : Arrays.asList(equipment.split("\\R")),
                    amount(supplement));
            return Pages.redirect("/" + place + "/rooms?saved=1#room-" + id);
        } catch (DomainException refused) {
            return pages.refused(refused, error -> page(error, id.toString()).data("saved", false));
        }
    }

    private static BigDecimal amount(String value) {
        if (Forms.isBlank(value)) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw DomainException.invalid("room.supplement-invalid", Map.of());
        }
    }

    private TemplateInstance page(String error, String errorRoom) {
        List<RoomView> views = rooms.all().stream()
                .map(r -> new RoomView(
                        r.resource().id().toString(),
                        r.resource().name(),
                        r.resource().description(),
                        r.resource().capacity(),
                        r.equipment(),
                        r.nonMemberSupplement() == null
                                ? null
                                : r.nonMemberSupplement()
                                                .amount()
                                                .setScale(2, java.math.RoundingMode.HALF_UP)
                                                .toPlainString()
                                        + " "
                                        + r.nonMemberSupplement().currency().getCurrencyCode(),
                        r.nonMemberSupplement() == null
                                ? ""
                                : r.nonMemberSupplement().amount().toPlainString()))
                .toList();
        return pages.page(template).data("rooms", views).data("error", error).data("errorRoom", errorRoom);
    }
}
