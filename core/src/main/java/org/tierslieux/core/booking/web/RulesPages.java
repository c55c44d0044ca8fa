package org.tierslieux.core.booking.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.tierslieux.core.booking.Audience;
import org.tierslieux.core.booking.BookingRules;
import org.tierslieux.core.booking.RuleService;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceKinds;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.web.Forms;
import org.tierslieux.core.web.Pages;
import org.tierslieux.core.web.Ui;

/**
 * Booking rules for managers, at three levels: the whole place, a kind of resource, one resource. An empty field
 * inherits from the wider level; each resource shows the rules that apply to it in the end.
 */
@Path("/{place}/manage/rules")
@Produces(MediaType.TEXT_HTML)
@Access.InPlace(Role.MANAGER)
public class RulesPages {

    /** The settings of one level as typed or stored ("" inherits), with what applies in the end for a resource. */
    @TemplateData
    public record RulesForm(
            String key,
            String action,
            String title,
            String kind,
            String minMinutes,
            String maxMinutes,
            String minNoticeMinutes,
            String horizonDays,
            String cancelDeadlineMinutes,
            String maxActive,
            String maxHoursPerWeek,
            String audience,
            BookingRules effective,
            Hints hints,
            String error) {

        RulesForm failed(String error) {
            return new RulesForm(
                    key,
                    action,
                    title,
                    kind,
                    minMinutes,
                    maxMinutes,
                    minNoticeMinutes,
                    horizonDays,
                    cancelDeadlineMinutes,
                    maxActive,
                    maxHoursPerWeek,
                    audience,
                    effective,
                    hints,
                    error);
        }

        public boolean hasSettings() {
            return !(minMinutes
                            + maxMinutes
                            + minNoticeMinutes
                            + horizonDays
                            + cancelDeadlineMinutes
                            + maxActive
                            + maxHoursPerWeek
                            + audience)
                    .isEmpty();
        }
    }

    /** What an empty field means, shown in it: the wider level's value ("Inherited: 90"). */
    @TemplateData
    public record Hints(
            String minMinutes,
            String maxMinutes,
            String minNoticeMinutes,
            String horizonDays,
            String cancelDeadlineMinutes,
            String maxActive,
            String maxHoursPerWeek,
            String audience) {}

    private final RuleService rules;
    private final ResourceService resources;
    private final ResourceKinds kinds;
    private final Ui ui;
    private final Pages pages;
    private final Template template;

    RulesPages(
            RuleService rules,
            ResourceService resources,
            ResourceKinds kinds,
            Ui ui,
            Pages pages,
            @Location("core/manage-rules.html") Template template) {
        this.rules = rules;
        this.resources = resources;
        this.kinds = kinds;
        this.ui = ui;
        this.pages = pages;
        this.template = template;
    }

    @GET
    public TemplateInstance show(@PathParam("place") String place, @QueryParam("saved") String saved) {
        return page(null).data("saved", saved != null && saved.matches("[a-zA-Z0-9_-]{1,60}") ? saved : null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response savePlace(@PathParam("place") String place, @BeanParam RulesFields fields) {
        return save(place, RuleService.Scope.PLACE, fields, "place", ui.t("rules.place"), null);
    }

    @POST
    @Path("kinds/{kind}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveKind(
            @PathParam("place") String place, @PathParam("kind") String kind, @BeanParam RulesFields fields) {
        String code = kinds.byCode(kind).code();
        return save(
                place,
                new RuleService.Scope(null, code),
                fields,
                "kind-" + code,
                ui.label("resource.kind.", code),
                code);
    }

    @POST
    @Path("resources/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveResource(
            @PathParam("place") String place, @PathParam("id") UUID id, @BeanParam RulesFields fields) {
        Resource resource = resources.find(new ResourceId(id));
        return save(
                place,
                new RuleService.Scope(resource.id(), null),
                fields,
                "resource-" + resource.id(),
                resource.name(),
                null);
    }

    private Response save(
            String place, RuleService.Scope scope, RulesFields fields, String key, String title, String kind) {
        try {
            rules.set(scope, settings(fields));
            return Pages.redirect("/" + place + "/manage/rules?saved=" + key + "#" + key);
        } catch (DomainException refused) {
            RulesForm typed = new RulesForm(
                    key,
                    null,
                    title,
                    kind,
                    text(fields.minMinutes),
                    text(fields.maxMinutes),
                    text(fields.minNoticeMinutes),
                    text(fields.horizonDays),
                    text(fields.cancelDeadlineMinutes),
                    text(fields.maxActive),
                    text(fields.maxHoursPerWeek),
                    text(fields.audience),
                    null,
                    null,
                    null);
            return pages.refused(refused, error -> page(typed.failed(error)).data("saved", null));
        }
    }

    private TemplateInstance page(RulesForm failed) {
        String base = "/" + ui.place().slug() + "/manage/rules";
        BookingRules.Settings placeSettings = rules.settings(RuleService.Scope.PLACE);
        BookingRules placeLevel = placeSettings.over(BookingRules.DEFAULTS, BookingRules.Level.PLACE);
        RulesForm placeForm = form(
                "place",
                base,
                ui.t("rules.place"),
                null,
                placeSettings,
                null,
                hints(BookingRules.DEFAULTS, ui.t("rules.default")),
                failed);
        List<Resource> active = resources.active();
        List<RulesForm> kindForms = new ArrayList<>();
        java.util.Map<String, BookingRules> kindLevels = new java.util.HashMap<>();
        for (String code : active.stream().map(Resource::kind).distinct().toList()) {
            BookingRules.Settings kindSettings = rules.settings(new RuleService.Scope(null, code));
            kindLevels.put(code, kindSettings.over(placeLevel, BookingRules.Level.KIND));
            kindForms.add(form(
                    "kind-" + code,
                    base + "/kinds/" + code,
                    ui.label("resource.kind.", code),
                    code,
                    kindSettings,
                    null,
                    hints(placeLevel, ui.t("rules.inherit")),
                    failed));
        }
        List<RulesForm> resourceForms = new ArrayList<>();
        for (Resource r : active) {
            resourceForms.add(form(
                    "resource-" + r.id(),
                    base + "/resources/" + r.id(),
                    r.name(),
                    r.kind(),
                    rules.settings(new RuleService.Scope(r.id(), null)),
                    rules.rulesFor(r),
                    hints(kindLevels.get(r.kind()), ui.t("rules.inherit")),
                    failed));
        }
        return pages.page(template)
                .data("placeForm", placeForm)
                .data("kindForms", kindForms)
                .data("resourceForms", resourceForms)
                .data(
                        "audiences",
                        List.of(Audience.values()).stream().map(Enum::name).toList())
                .data("error", failed == null ? null : failed.error());
    }

    private Hints hints(BookingRules wider, String prefix) {
        return new Hints(
                hint(prefix, wider.minMinutes()),
                hint(prefix, wider.maxMinutes()),
                hint(prefix, wider.minNoticeMinutes()),
                hint(prefix, wider.horizonDays()),
                hint(prefix, wider.cancelDeadlineMinutes()),
                hint(prefix, wider.maxActive()),
                hint(prefix, wider.maxHoursPerWeek()),
                prefix + " " + ui.label("rules.audience.", wider.audience()));
    }

    private String hint(String prefix, Integer value) {
        return prefix + " " + (value == null ? ui.t("rules.no-limit") : value.toString());
    }

    private static RulesForm form(
            String key,
            String action,
            String title,
            String kind,
            BookingRules.Settings s,
            BookingRules effective,
            Hints hints,
            RulesForm failed) {
        if (failed != null && failed.key().equals(key)) {
            return new RulesForm(
                    key,
                    action,
                    title,
                    kind,
                    failed.minMinutes(),
                    failed.maxMinutes(),
                    failed.minNoticeMinutes(),
                    failed.horizonDays(),
                    failed.cancelDeadlineMinutes(),
                    failed.maxActive(),
                    failed.maxHoursPerWeek(),
                    failed.audience(),
                    effective,
                    hints,
                    failed.error());
        }
        return new RulesForm(
                key,
                action,
                title,
                kind,
                text(s.minMinutes()),
                text(s.maxMinutes()),
                text(s.minNoticeMinutes()),
                text(s.horizonDays()),
                text(s.cancelDeadlineMinutes()),
                text(s.maxActive()),
                text(s.maxHoursPerWeek()),
                s.audience() == null ? "" : s.audience().name(),
                effective,
                hints,
                null);
    }

    /** Limits as the API has them: a page may not set what the API would refuse. */
    private BookingRules.Settings settings(RulesFields f) {
        Audience audience = null;
        if (!Forms.isBlank(f.audience)) {
            try {
                audience = Audience.valueOf(f.audience.strip());
            } catch (IllegalArgumentException unknown) {
                throw DomainException.invalid(
                        "form.choice-invalid", java.util.Map.of("field", ui.t("rules.audience"), "value", f.audience));
            }
        }
        return new BookingRules.Settings(
                Forms.number(f.minMinutes, ui.t("rules.minMinutes"), 1, 525_600),
                Forms.number(f.maxMinutes, ui.t("rules.maxMinutes"), 1, 525_600),
                Forms.number(f.minNoticeMinutes, ui.t("rules.minNoticeMinutes"), 0, 525_600),
                Forms.number(f.horizonDays, ui.t("rules.horizonDays"), 1, 3660),
                Forms.number(f.cancelDeadlineMinutes, ui.t("rules.cancelDeadlineMinutes"), 0, 525_600),
                Forms.number(f.maxActive, ui.t("rules.maxActive"), 1, 10_000),
                Forms.number(f.maxHoursPerWeek, ui.t("rules.maxHoursPerWeek"), 1, 168),
                audience);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().strip();
    }

    /** The fields of a rules form. */
    public static class RulesFields {
        @RestForm
        public String minMinutes;

        @RestForm
        public String maxMinutes;

        @RestForm
        public String minNoticeMinutes;

        @RestForm
        public String horizonDays;

        @RestForm
        public String cancelDeadlineMinutes;

        @RestForm
        public String maxActive;

        @RestForm
        public String maxHoursPerWeek;

        @RestForm
        public String audience;
    }
}
