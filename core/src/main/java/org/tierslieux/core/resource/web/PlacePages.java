package org.tierslieux.core.resource.web;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceDetails;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceKind;
import org.tierslieux.core.resource.ResourceKinds;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.resource.Scheduling;
import org.tierslieux.core.web.Pages;

/** A place's home (its resources) and the manager's resource forms. */
@Path("/{place}")
@Produces(MediaType.TEXT_HTML)
public class PlacePages {

    /** The resource form as typed, so that a refused form comes back as the manager left it. */
    @TemplateData
    public record ResourceForm(
            String id,
            String kind,
            String name,
            String description,
            String capacity,
            String slotMinutes,
            String requiresTraining,
            Long version) {}

    /** A training a resource may require. */
    @TemplateData
    public record TrainingChoice(String id, String name, boolean selected) {}

    private final ResourceService resources;
    private final ResourceKinds kinds;
    private final Caller caller;
    private final Pages pages;
    private final Template home;
    private final Template form;

    PlacePages(
            ResourceService resources,
            ResourceKinds kinds,
            Caller caller,
            Pages pages,
            @Location("core/place.html") Template home,
            @Location("core/resource-form.html") Template form) {
        this.resources = resources;
        this.kinds = kinds;
        this.caller = caller;
        this.pages = pages;
        this.home = home;
        this.form = form;
    }

    @GET
    @Access.InPlace(Role.MEMBER)
    public TemplateInstance home(@PathParam("place") String place) {
        boolean manager = caller.has(Role.MANAGER);
        List<Resource> list = resources.list(manager, 0, 500).items();
        return pages.page(home).data("resources", list);
    }

    @GET
    @Path("resources/new")
    @Access.InPlace(Role.MANAGER)
    public TemplateInstance newResource(@PathParam("place") String place) {
        return formPage(new ResourceForm(null, "MACHINE", null, null, null, null, null, null), null);
    }

    @POST
    @Path("resources")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Access.InPlace(Role.MANAGER)
    public Response create(
            @PathParam("place") String place,
            @RestForm String kind,
            @RestForm String name,
            @RestForm String description,
            @RestForm String capacity,
            @RestForm String slotMinutes,
            @RestForm String requiresTraining) {
        var submitted = new ResourceForm(null, kind, name, description, capacity, slotMinutes, requiresTraining, null);
        try {
            resources.create(kind, details(submitted));
            return Pages.redirect("/" + place);
        } catch (DomainException refused) {
            return pages.refused(refused, error -> formPage(submitted, error));
        }
    }

    @GET
    @Path("resources/{id}/edit")
    @Access.InPlace(Role.MANAGER)
    public TemplateInstance edit(@PathParam("place") String place, @PathParam("id") UUID id) {
        Resource r = resources.find(new ResourceId(id));
        return formPage(
                new ResourceForm(
                        r.id().toString(),
                        r.kind(),
                        r.name(),
                        r.description(),
                        String.valueOf(r.capacity()),
                        String.valueOf(r.slotMinutes()),
                        r.requiredTraining().map(ResourceId::toString).orElse(""),
                        r.version()),
                null);
    }

    @POST
    @Path("resources/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Access.InPlace(Role.MANAGER)
    public Response update(
            @PathParam("place") String place,
            @PathParam("id") UUID id,
            @RestForm String name,
            @RestForm String description,
            @RestForm String capacity,
            @RestForm String slotMinutes,
            @RestForm String requiresTraining,
            @RestForm Long version) {
        Resource current = resources.find(new ResourceId(id));
        var submitted = new ResourceForm(
                id.toString(), current.kind(), name, description, capacity, slotMinutes, requiresTraining, version);
        try {
            resources.edit(new ResourceId(id), details(submitted), version);
            return Pages.redirect("/" + place);
        } catch (DomainException refused) {
            return pages.refused(refused, error -> formPage(submitted, error));
        }
    }

    @POST
    @Path("resources/{id}/archive")
    @Access.InPlace(Role.MANAGER)
    public Response archive(@PathParam("place") String place, @PathParam("id") UUID id) {
        resources.archive(new ResourceId(id));
        return Pages.redirect("/" + place);
    }

    @POST
    @Path("resources/{id}/restore")
    @Access.InPlace(Role.MANAGER)
    public Response restore(@PathParam("place") String place, @PathParam("id") UUID id) {
        resources.restore(new ResourceId(id));
        return Pages.redirect("/" + place);
    }

    private static ResourceDetails details(ResourceForm form) {
        Integer capacity = null;
        if (form.capacity() != null && !form.capacity().isBlank()) {
            try {
                capacity = Integer.valueOf(form.capacity().strip());
            } catch (NumberFormatException e) {
                throw DomainException.invalid("resource.capacity-out-of-range", Map.of("capacity", form.capacity()));
            }
        }
        if (form.name() != null && form.name().length() > 120) {
            throw DomainException.invalid("resource.name-too-long", Map.of("max", 120));
        }
        if (form.description() != null && form.description().length() > 2000) {
            throw DomainException.invalid("resource.description-too-long", Map.of("max", 2000));
        }
        Integer slot = null;
        if (form.slotMinutes() != null && !form.slotMinutes().isBlank()) {
            try {
                slot = Integer.valueOf(form.slotMinutes().strip());
            } catch (NumberFormatException e) {
                throw DomainException.invalid("resource.slot-out-of-range", Map.of("minutes", form.slotMinutes()));
            }
        }
        ResourceId training = null;
        if (form.requiresTraining() != null && !form.requiresTraining().isBlank()) {
            try {
                training =
                        new ResourceId(UUID.fromString(form.requiresTraining().strip()));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("resource.training-invalid", Map.of("id", form.requiresTraining()));
            }
        }
        return new ResourceDetails(form.name(), form.description(), capacity, slot, training);
    }

    private TemplateInstance formPage(ResourceForm values, String error) {
        List<String> codes = kinds.all().stream().map(ResourceKind::code).toList();
        List<TrainingChoice> trainings = resources.active().stream()
                .filter(r -> r.scheduling() == Scheduling.SESSIONS)
                .filter(r -> !r.id().toString().equals(values.id()))
                .map(r -> new TrainingChoice(
                        r.id().toString(), r.name(), r.id().toString().equals(values.requiresTraining())))
                .toList();
        return pages.page(form)
                .data("form", values)
                .data("kinds", codes)
                .data("trainings", trainings)
                .data("error", error);
    }
}
