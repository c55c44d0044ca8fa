package org.tierslieux.core.membership.web;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.membership.Company;
import org.tierslieux.core.membership.CompanyId;
import org.tierslieux.core.membership.CompanyService;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.PeopleService;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.web.Forms;
import org.tierslieux.core.web.Pages;

/** Company accounts for managers: each company with its members and billing contact, and a form to add one. */
@Path("/{place}/manage/companies")
@Produces(MediaType.TEXT_HTML)
@Access.InPlace(Role.MANAGER)
public class CompaniesPages {

    @TemplateData
    public record CompanyRow(Company company, String contact, List<String> members) {}

    @TemplateData
    public record Person(String id, String name) {}

    @TemplateData
    public record Form(
            String name,
            String siret,
            String vatNumber,
            String billingContactId,
            String billingEmail,
            String street,
            String postalCode,
            String city,
            String country) {
        static final Form EMPTY = new Form("", "", "", "", "", "", "", "", "FR");
    }

    private final CompanyService companies;
    private final PeopleService people;
    private final Pages pages;
    private final Template template;

    CompaniesPages(
            CompanyService companies,
            PeopleService people,
            Pages pages,
            @Location("core/manage-companies.html") Template template) {
        this.companies = companies;
        this.people = people;
        this.pages = pages;
        this.template = template;
    }

    @GET
    public TemplateInstance show(@PathParam("place") String place, @QueryParam("done") String done) {
        return page(Form.EMPTY, null).data("done", "saved".equals(done) ? done : null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(
            @PathParam("place") String place,
            @RestForm String name,
            @RestForm String siret,
            @RestForm String vatNumber,
            @RestForm String billingContactId,
            @RestForm String billingEmail,
            @RestForm String street,
            @RestForm String postalCode,
            @RestForm String city,
            @RestForm String country) {
        Form typed =
                new Form(name, siret, vatNumber, billingContactId, billingEmail, street, postalCode, city, country);
        try {
            PersonId contact = Forms.isBlank(billingContactId)
                    ? null
                    : new PersonId(Forms.id(billingContactId, "person.not-found"));
            companies.create(new Company.Details(
                    name, siret, vatNumber, contact, billingEmail, street, postalCode, city, country));
            return Pages.redirect("/" + place + "/manage/companies?done=saved");
        } catch (DomainException refused) {
            return pages.refused(refused, error -> page(typed, error).data("done", null));
        }
    }

    @POST
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addMember(@PathParam("place") String place, @PathParam("id") UUID id, @RestForm String personId) {
        try {
            companies.addMember(new CompanyId(id), new PersonId(Forms.id(personId, "person.not-found")));
            return Pages.redirect("/" + place + "/manage/companies?done=saved");
        } catch (DomainException refused) {
            return pages.refused(refused, error -> page(Form.EMPTY, error).data("done", null));
        }
    }

    private TemplateInstance page(Form form, String error) {
        List<Person> everyone = people.membersHere(0, GroupsPages.MEMBERS_SHOWN).items().stream()
                .map(m -> new Person(m.person().toString(), m.displayName()))
                .toList();
        Map<String, String> names = everyone.stream().collect(Collectors.toMap(Person::id, Person::name));
        List<CompanyRow> rows = companies.companies().stream()
                .map(c -> new CompanyRow(
                        c,
                        c.billingContact() == null
                                ? null
                                : names.get(c.billingContact().toString()),
                        companies.members(c.id()).stream()
                                .map(p -> names.getOrDefault(p.toString(), p.toString()))
                                .toList()))
                .toList();
        return pages.page(template)
                .data("companies", rows)
                .data("people", everyone)
                .data("form", form)
                .data("error", error);
    }
}
