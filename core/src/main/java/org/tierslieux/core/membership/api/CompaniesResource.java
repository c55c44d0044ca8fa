package org.tierslieux.core.membership.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tierslieux.core.membership.Company;
import org.tierslieux.core.membership.CompanyId;
import org.tierslieux.core.membership.CompanyService;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.people.Role;

/** Company accounts: an organisation, its members and its billing contact. Managers and treasurers. */
@Path("/api/v1/places/{place}/companies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Member groups and companies")
public class CompaniesResource {

    /**
     * A company: {@code siret} 9 (SIREN) or 14 digits, {@code vatNumber} an intra-EU number, {@code
     * billingContactId} a member of the place, {@code country} ISO 3166 alpha-2. Only {@code name} is required.
     */
    public record CompanyRequest(
            @NotNull @Size(max = 200) String name,
            @Size(max = 20) String siret,
            @Size(max = 30) String vatNumber,
            UUID billingContactId,
            @Size(max = 254) String billingEmail,
            @Size(max = 300) String street,
            @Size(max = 12) String postalCode,
            @Size(max = 120) String city,
            @Size(max = 2) String country) {

        Company.Details details() {
            return new Company.Details(
                    name,
                    siret,
                    vatNumber,
                    billingContactId == null ? null : new PersonId(billingContactId),
                    billingEmail,
                    street,
                    postalCode,
                    city,
                    country);
        }
    }

    public record CompanyResponse(
            UUID id,
            String name,
            String siret,
            String vatNumber,
            UUID billingContactId,
            String billingEmail,
            String street,
            String postalCode,
            String city,
            String country,
            List<UUID> memberIds) {}

    private final CompanyService companies;

    CompaniesResource(CompanyService companies) {
        this.companies = companies;
    }

    @GET
    @Access.InPlace({Role.MANAGER, Role.TREASURER})
    public List<CompanyResponse> list(@PathParam("place") String place) {
        return companies.companies().stream().map(this::view).toList();
    }

    @POST
    @Access.InPlace(Role.MANAGER)
    @Operation(
            summary = "Add a company account",
            description = "409 company.exists (same name); 422 company.siret-invalid, company.vat-number-invalid;"
                    + " 404 person.not-found for a billing contact who is not a member here.")
    public Response create(@PathParam("place") String place, @Valid @NotNull CompanyRequest request) {
        Company company = companies.create(request.details());
        return Response.created(URI.create("/api/v1/places/" + place + "/companies/" + company.id()))
                .entity(view(company))
                .build();
    }

    @GET
    @Path("/{id}")
    @Access.InPlace({Role.MANAGER, Role.TREASURER})
    public CompanyResponse get(@PathParam("place") String place, @PathParam("id") UUID id) {
        return view(companies.find(new CompanyId(id)));
    }

    @PUT
    @Path("/{id}")
    @Access.InPlace(Role.MANAGER)
    public CompanyResponse update(
            @PathParam("place") String place, @PathParam("id") UUID id, @Valid @NotNull CompanyRequest request) {
        return view(companies.update(new CompanyId(id), request.details()));
    }

    @PUT
    @Path("/{id}/members/{personId}")
    @Access.InPlace(Role.MANAGER)
    @Operation(
            summary = "Add a member to the company",
            description = "A member belongs to one company at most here: this moves them. What they buy is billed"
                    + " to the company.")
    public CompanyResponse addMember(
            @PathParam("place") String place, @PathParam("id") UUID id, @PathParam("personId") UUID personId) {
        companies.addMember(new CompanyId(id), new PersonId(personId));
        return get(place, id);
    }

    @DELETE
    @Path("/{id}/members/{personId}")
    @Access.InPlace(Role.MANAGER)
    public CompanyResponse removeMember(
            @PathParam("place") String place, @PathParam("id") UUID id, @PathParam("personId") UUID personId) {
        companies.removeMember(new CompanyId(id), new PersonId(personId));
        return get(place, id);
    }

    private CompanyResponse view(Company c) {
        return new CompanyResponse(
                c.id().value(),
                c.name(),
                c.siret(),
                c.vatNumber(),
                c.billingContact() == null ? null : c.billingContact().value(),
                c.billingEmail(),
                c.street(),
                c.postalCode(),
                c.city(),
                c.country(),
                companies.members(c.id()).stream().map(PersonId::value).toList());
    }
}
