package org.tierslieux.core.booking.web;

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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.resource.Scheduling;
import org.tierslieux.core.schedule.ScheduleService;
import org.tierslieux.core.schedule.WeeklyHours;
import org.tierslieux.core.web.Forms;
import org.tierslieux.core.web.Pages;
import org.tierslieux.core.web.Ui;

/**
 * Opening hours for managers: the place's week (up to two intervals a day) and, for each resource, its own
 * hours or "follows the place".
 */
@Path("/{place}/manage/hours")
@Produces(MediaType.TEXT_HTML)
@Access.InPlace(Role.MANAGER)
public class HoursPages {

    /** One day of the form, as typed or as stored ("" for an empty field). */
    @TemplateData
    public record DayHours(String day, String label, String opens1, String closes1, String opens2, String closes2) {}

    /** A resource and a one-line summary of its hours. */
    @TemplateData
    public record ResourceHours(Resource resource, boolean follows, String summary) {}

    private final ScheduleService schedules;
    private final ResourceService resources;
    private final Ui ui;
    private final Pages pages;
    private final Template placeTemplate;
    private final Template resourceTemplate;

    HoursPages(
            ScheduleService schedules,
            ResourceService resources,
            Ui ui,
            Pages pages,
            @Location("core/manage-hours.html") Template placeTemplate,
            @Location("core/manage-resource-hours.html") Template resourceTemplate) {
        this.schedules = schedules;
        this.resources = resources;
        this.ui = ui;
        this.pages = pages;
        this.placeTemplate = placeTemplate;
        this.resourceTemplate = resourceTemplate;
    }

    @GET
    public TemplateInstance show(@PathParam("place") String place, @QueryParam("saved") String saved) {
        return placePage(form(schedules.placeHours()), null).data("saved", saved != null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("place") String place, MultivaluedMap<String, String> form) {
        List<DayHours> typed = typed(form);
        try {
            schedules.setPlaceHours(weekly(typed));
            return Pages.redirect("/" + place + "/manage/hours?saved=1");
        } catch (DomainException refused) {
            return pages.refused(refused, error -> placePage(typed, error));
        }
    }

    @GET
    @Path("resources/{id}")
    public TemplateInstance resource(@PathParam("place") String place, @PathParam("id") UUID id) {
        Resource resource = resources.find(new ResourceId(id));
        WeeklyHours own = schedules.ownHours(resource.id());
        return resourcePage(resource, form(own != null ? own : schedules.placeHours()), own == null, null);
    }

    @POST
    @Path("resources/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveResource(
            @PathParam("place") String place, @PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        Resource resource = resources.find(new ResourceId(id));
        List<DayHours> typed = typed(form);
        try {
            WeeklyHours hours = weekly(typed);
            if (hours.isEmpty()) {
                throw DomainException.invalid("hours.resource-empty", Map.of());
            }
            schedules.setResourceHours(resource.id(), hours);
            return Pages.redirect("/" + place + "/manage/hours?saved=1");
        } catch (DomainException refused) {
            return pages.refused(refused, error -> resourcePage(resource, typed, false, error));
        }
    }

    /** The resource drops its own hours and follows the place's again. */
    @POST
    @Path("resources/{id}/follow")
    public Response follow(@PathParam("place") String place, @PathParam("id") UUID id) {
        schedules.setResourceHours(resources.find(new ResourceId(id)).id(), null);
        return Pages.redirect("/" + place + "/manage/hours?saved=1");
    }

    private TemplateInstance placePage(List<DayHours> days, String error) {
        List<ResourceHours> list = new ArrayList<>();
        for (Resource r : resources.active()) {
            if (r.scheduling() == Scheduling.SESSIONS) {
                continue; // trainings and events happen in their sessions, not in opening hours
            }
            WeeklyHours own = schedules.ownHours(r.id());
            list.add(new ResourceHours(r, own == null, own == null ? null : summary(own)));
        }
        return pages.page(placeTemplate)
                .data("days", days)
                .data("isDefault", schedules.placeHoursAreDefault())
                .data("resources", list)
                .data("error", error)
                .data("saved", false);
    }

    private TemplateInstance resourcePage(Resource resource, List<DayHours> days, boolean follows, String error) {
        return pages.page(resourceTemplate)
                .data("resource", resource)
                .data("days", days)
                .data("follows", follows)
                .data("error", error);
    }

    private List<DayHours> form(WeeklyHours hours) {
        List<DayHours> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<WeeklyHours.Interval> on = hours.on(day);
            days.add(new DayHours(
                    day.name(),
                    label(day),
                    on.size() > 0 ? on.get(0).opens().toString() : "",
                    on.size() > 0 ? on.get(0).closes().toString() : "",
                    on.size() > 1 ? on.get(1).opens().toString() : "",
                    on.size() > 1 ? on.get(1).closes().toString() : ""));
        }
        return days;
    }

    private List<DayHours> typed(MultivaluedMap<String, String> form) {
        List<DayHours> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.add(new DayHours(
                    day.name(),
                    label(day),
                    field(form, "opens-" + day + "-1"),
                    field(form, "closes-" + day + "-1"),
                    field(form, "opens-" + day + "-2"),
                    field(form, "closes-" + day + "-2")));
        }
        return days;
    }

    /**
     * The week as typed. Checked here first so that the message names the day in the caller's language; the
     * domain checks again when the hours are built.
     */
    private WeeklyHours weekly(List<DayHours> days) {
        List<WeeklyHours.Interval> intervals = new ArrayList<>();
        for (DayHours d : days) {
            DayOfWeek day = DayOfWeek.valueOf(d.day());
            // in a sentence: "le lundi", "on Monday"
            String named = day.getDisplayName(TextStyle.FULL, ui.locale());
            WeeklyHours.Interval first = interval(day, named, d.opens1(), d.closes1());
            WeeklyHours.Interval second = interval(day, named, d.opens2(), d.closes2());
            if (first != null && second != null && !second.opens().isAfter(first.closes())) {
                throw DomainException.invalid(
                        "hours.overlap", Map.of("day", named, "opens", second.opens(), "closes", first.closes()));
            }
            if (first != null) {
                intervals.add(first);
            }
            if (second != null) {
                intervals.add(second);
            }
        }
        return new WeeklyHours(intervals);
    }

    private WeeklyHours.Interval interval(DayOfWeek day, String label, String opensText, String closesText) {
        if (Forms.isBlank(opensText) && Forms.isBlank(closesText)) {
            return null;
        }
        LocalTime opens = Forms.time(opensText, label);
        LocalTime closes = Forms.time(closesText, label);
        if (opens == null || closes == null) {
            throw DomainException.invalid("hours.incomplete-day", Map.of("day", label));
        }
        if (!closes.isAfter(opens)) {
            throw DomainException.invalid(
                    "hours.closes-before-opens", Map.of("day", label, "opens", opens, "closes", closes));
        }
        return new WeeklyHours.Interval(day, opens, closes);
    }

    private String summary(WeeklyHours hours) {
        return hours.intervals().stream()
                .collect(Collectors.groupingBy(WeeklyHours.Interval::day, java.util.TreeMap::new, Collectors.toList()))
                .entrySet()
                .stream()
                .map(e -> e.getKey().getDisplayName(TextStyle.SHORT, ui.locale()) + " "
                        + e.getValue().stream()
                                .map(i -> i.opens() + "–" + i.closes())
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining(" · "));
    }

    private String label(DayOfWeek day) {
        String name = day.getDisplayName(TextStyle.FULL, ui.locale());
        return name.substring(0, 1).toUpperCase(ui.locale()) + name.substring(1);
    }

    private static String field(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }
}
