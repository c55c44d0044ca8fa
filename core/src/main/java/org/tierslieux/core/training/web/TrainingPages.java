package org.tierslieux.core.training.web;

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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;
import org.tierslieux.core.booking.Booking;
import org.tierslieux.core.booking.BookingService;
import org.tierslieux.core.booking.BookingStatus;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.PeopleService;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.resource.Scheduling;
import org.tierslieux.core.schedule.ScheduleService;
import org.tierslieux.core.schedule.Session;
import org.tierslieux.core.tenancy.PlaceContext;
import org.tierslieux.core.training.Qualification;
import org.tierslieux.core.training.QualificationService;
import org.tierslieux.core.web.Forms;
import org.tierslieux.core.web.Pages;
import org.tierslieux.core.web.Ui;

/**
 * Trainings (and events) for managers: their dated sessions, who booked each session, and the members marked
 * qualified, which the machines that require the training check before a booking.
 */
@Path("/{place}/manage/trainings")
@Produces(MediaType.TEXT_HTML)
@Access.InPlace(Role.MANAGER)
public class TrainingPages {

    /** A training in the list: how many sessions are to come, how many people are qualified, which machines need it. */
    @TemplateData
    public record TrainingLine(Resource training, int upcoming, int qualified, List<String> machines) {}

    @TemplateData
    public record SessionView(Session session, Instant start, Instant end, List<Attendee> attendees, boolean past) {}

    /** A member who booked a session, and whether they are qualified already. */
    @TemplateData
    public record Attendee(Booking booking, String personId, String name, boolean qualified) {
        public boolean noShow() {
            return booking.status() == BookingStatus.NO_SHOW;
        }
    }

    @TemplateData
    public record QualifiedView(Qualification qualification, String name, LocalDate validUntil) {}

    @TemplateData
    public record Choice(String value, String label) {}

    /** The session form as typed. */
    @TemplateData
    public record SessionForm(String day, String from, String to, String title) {}

    private static final int PAST_DAYS = 30;
    private static final int FUTURE_DAYS = 365;

    private final ResourceService resources;
    private final ScheduleService schedules;
    private final BookingService bookings;
    private final QualificationService qualifications;
    private final PeopleService people;
    private final PlaceContext placeContext;
    private final Caller caller;
    private final Clock clock;
    private final Ui ui;
    private final Pages pages;
    private final Template listTemplate;
    private final Template trainingTemplate;

    TrainingPages(
            ResourceService resources,
            ScheduleService schedules,
            BookingService bookings,
            QualificationService qualifications,
            PeopleService people,
            PlaceContext placeContext,
            Caller caller,
            Clock clock,
            Ui ui,
            Pages pages,
            @Location("core/manage-trainings.html") Template listTemplate,
            @Location("core/manage-training.html") Template trainingTemplate) {
        this.resources = resources;
        this.schedules = schedules;
        this.bookings = bookings;
        this.qualifications = qualifications;
        this.people = people;
        this.placeContext = placeContext;
        this.caller = caller;
        this.clock = clock;
        this.ui = ui;
        this.pages = pages;
        this.listTemplate = listTemplate;
        this.trainingTemplate = trainingTemplate;
    }

    @GET
    public TemplateInstance list(@PathParam("place") String place) {
        List<Resource> active = resources.active();
        TimeRange ahead = new TimeRange(clock.instant(), clock.instant().plus(java.time.Duration.ofDays(FUTURE_DAYS)));
        List<TrainingLine> lines = active.stream()
                .filter(r -> r.scheduling() == Scheduling.SESSIONS)
                .map(t -> new TrainingLine(
                        t,
                        schedules.sessions(t.id(), ahead).size(),
                        qualifications.ofTraining(t.id()).size(),
                        machinesNeeding(active, t)))
                .toList();
        return pages.page(listTemplate).data("trainings", lines);
    }

    @GET
    @Path("{id}")
    public TemplateInstance training(
            @PathParam("place") String place, @PathParam("id") UUID id, @QueryParam("done") String done) {
        return trainingPage(id, new SessionForm("", "", "", ""), null)
                .data("done", done != null && done.matches("[a-z-]{1,20}") ? done : null);
    }

    @POST
    @Path("{id}/sessions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addSession(
            @PathParam("place") String place,
            @PathParam("id") UUID id,
            @RestForm String day,
            @RestForm String from,
            @RestForm String to,
            @RestForm String title) {
        var typed = new SessionForm(day, from, to, title);
        try {
            Resource training = resources.find(new ResourceId(id));
            ZoneId zone = placeContext.require().zone();
            LocalDate date = Forms.date(day, ui.t("book.day"));
            LocalTime opens = Forms.time(from, ui.t("book.from"));
            LocalTime closes = Forms.time(to, ui.t("book.to"));
            if (date == null || opens == null || closes == null) {
                throw DomainException.invalid("booking.period-missing", Map.of());
            }
            if (date.getYear() < 2000 || date.getYear() > 2200) {
                throw DomainException.invalid("booking.absurd-date", Map.of());
            }
            if (!closes.isAfter(opens)) {
                throw DomainException.invalid("booking.end-before-start", Map.of());
            }
            if (title != null && title.length() > 200) {
                throw DomainException.invalid(
                        "form.too-long", Map.of("field", ui.t("trainings.session-title"), "max", 200));
            }
            schedules.schedule(
                    training,
                    new TimeRange(
                            date.atTime(opens).atZone(zone).toInstant(),
                            date.atTime(closes).atZone(zone).toInstant()),
                    title);
            return Pages.redirect("/" + place + "/manage/trainings/" + id + "?done=session-added");
        } catch (DomainException refused) {
            return pages.refused(
                    refused, error -> trainingPage(id, typed, error).data("done", null));
        }
    }

    @POST
    @Path("{id}/sessions/{session}/delete")
    public Response removeSession(
            @PathParam("place") String place, @PathParam("id") UUID id, @PathParam("session") UUID session) {
        try {
            resources.find(new ResourceId(id));
            schedules.unschedule(session);
            return Pages.redirect("/" + place + "/manage/trainings/" + id + "?done=session-removed");
        } catch (DomainException refused) {
            return pages.refused(
                    refused,
                    error -> trainingPage(id, new SessionForm("", "", "", ""), error)
                            .data("done", null));
        }
    }

    @POST
    @Path("{id}/qualifications")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response grant(
            @PathParam("place") String place,
            @PathParam("id") UUID id,
            @RestForm String personId,
            @RestForm String validUntil) {
        try {
            ZoneId zone = placeContext.require().zone();
            LocalDate lastDay = Forms.date(validUntil, ui.t("trainings.valid-until"));
            qualifications.grant(
                    new ResourceId(id),
                    new PersonId(Forms.id(personId, "person.not-found")),
                    lastDay == null
                            ? null
                            : lastDay.plusDays(1).atStartOfDay(zone).toInstant(),
                    caller.requirePerson());
            return Pages.redirect("/" + place + "/manage/trainings/" + id + "?done=qualified");
        } catch (DomainException refused) {
            return pages.refused(
                    refused,
                    error -> trainingPage(id, new SessionForm("", "", "", ""), error)
                            .data("done", null));
        }
    }

    @POST
    @Path("{id}/qualifications/{qualification}/revoke")
    public Response revoke(
            @PathParam("place") String place,
            @PathParam("id") UUID id,
            @PathParam("qualification") UUID qualification) {
        try {
            resources.find(new ResourceId(id));
            qualifications.revoke(qualification);
            return Pages.redirect("/" + place + "/manage/trainings/" + id + "?done=revoked");
        } catch (DomainException refused) {
            return pages.refused(
                    refused,
                    error -> trainingPage(id, new SessionForm("", "", "", ""), error)
                            .data("done", null));
        }
    }

    private TemplateInstance trainingPage(UUID id, SessionForm form, String error) {
        ZoneId zone = placeContext.require().zone();
        Instant now = clock.instant();
        Resource training = resources.find(new ResourceId(id));
        if (training.scheduling() != Scheduling.SESSIONS) {
            throw DomainException.invalid("qualification.not-a-training", Map.of("name", training.name()));
        }
        List<Qualification> qualified = qualifications.ofTraining(training.id());
        LocalDate today = now.atZone(zone).toLocalDate();
        TimeRange range = TimeRange.ofDays(today.minusDays(PAST_DAYS), today.plusDays(FUTURE_DAYS), zone);
        List<Session> sessions = schedules.sessions(training.id(), range);
        List<Booking> booked = bookings.ofResource(training.id(), range).stream()
                .filter(b -> b.status().takesTheSlot() || b.status() == BookingStatus.NO_SHOW)
                .toList();
        List<UUID> ids = java.util.stream.Stream.concat(
                        booked.stream().map(b -> b.person().value()),
                        qualified.stream().map(q -> q.person().value()))
                .distinct()
                .toList();
        Map<UUID, String> names = people.displayNames(ids);
        Set<UUID> qualifiedNow = qualified.stream()
                .filter(q -> q.validAt(now))
                .map(q -> q.person().value())
                .collect(Collectors.toSet());
        List<SessionView> views = sessions.stream()
                .map(s -> new SessionView(
                        s,
                        s.period().start(),
                        s.period().end(),
                        booked.stream()
                                .filter(b -> b.period().overlaps(s.period()))
                                .map(b -> new Attendee(
                                        b,
                                        b.person().toString(),
                                        names.getOrDefault(b.person().value(), "?"),
                                        qualifiedNow.contains(b.person().value())))
                                .toList(),
                        !s.period().end().isAfter(now)))
                .toList();
        List<QualifiedView> qualifiedViews = qualified.stream()
                .map(q -> new QualifiedView(
                        q,
                        names.getOrDefault(q.person().value(), "?"),
                        q.validUntil() == null
                                ? null
                                : q.validUntil().atZone(zone).toLocalDate().minusDays(1)))
                .toList();
        List<Choice> members = people.membersHere(0, 500).items().stream()
                .map(m -> new Choice(m.person().toString(), m.displayName() + " (" + m.email() + ")"))
                .toList();
        return pages.page(trainingTemplate)
                .data("training", training)
                .data("sessions", views)
                .data("qualified", qualifiedViews)
                .data("members", members)
                .data("machines", machinesNeeding(resources.active(), training))
                .data("form", form)
                .data("error", error);
    }

    private static List<String> machinesNeeding(List<Resource> active, Resource training) {
        return active.stream()
                .filter(r -> r.requiredTraining().map(training.id()::equals).orElse(false))
                .map(Resource::name)
                .toList();
    }
}
