package org.tierslieux.billing.invoice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.membership.Company;
import org.tierslieux.core.membership.CompanyId;
import org.tierslieux.core.membership.CompanyService;
import org.tierslieux.core.people.PersonDirectory;
import org.tierslieux.core.place.Address;
import org.tierslieux.core.place.LegalIdentity;
import org.tierslieux.core.place.Place;
import org.tierslieux.core.place.PlaceService;
import org.tierslieux.core.pricing.BillTo;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * The parties of a document as they are now, snapshotted into it: the seller is the place's legal identity and
 * address, the buyer a person (by name and e-mail) or the company billed for them (name, SIRET, SIREN, VAT
 * number, address, billing e-mail; a business buyer when it has a SIRET).
 */
@ApplicationScoped
public class Parties {

    private final PlaceContext placeContext;
    private final PlaceService places;
    private final PersonDirectory people;
    private final CompanyService companies;

    Parties(PlaceContext placeContext, PlaceService places, PersonDirectory people, CompanyService companies) {
        this.placeContext = placeContext;
        this.places = places;
        this.people = people;
        this.companies = companies;
    }

    /** The current place as seller. */
    @Transactional
    public Party seller() {
        return seller(place());
    }

    /** The current place's legal identity (null when it has none yet). */
    @Transactional
    public LegalIdentity legal() {
        return place().legal();
    }

    public static Party seller(Place place) {
        LegalIdentity legal = place.legal();
        String name = legal == null ? place.name() : legal.legalName();
        String siret = legal == null ? null : legal.siret();
        return new Party(
                name, siren(siret), siret, legal == null ? null : legal.vatNumber(), place.address(), null, true);
    }

    /** The buyer of a quote: the company it is billed to, else the person. */
    @Transactional
    public Party buyer(BillTo billTo) {
        if (billTo.companyId() != null) {
            return company(companies.find(new CompanyId(billTo.companyId())));
        }
        var contact = people.contact(billTo.person())
                .orElseThrow(() -> DomainException.notFound(
                        "invoice.buyer-not-found", Map.of("id", billTo.person().toString())));
        String name = contact.displayName() == null || contact.displayName().isBlank()
                ? billTo.name()
                : contact.displayName();
        return new Party(name, null, null, null, null, contact.email(), false);
    }

    public static Party company(Company c) {
        Address address = c.street() == null && c.city() == null
                ? null
                : new Address(c.street(), c.postalCode(), c.city(), c.country());
        return new Party(
                c.name(), siren(c.siret()), c.siret(), c.vatNumber(), address, c.billingEmail(), c.siret() != null);
    }

    /** The SIREN of a SIRET: its first nine digits. */
    public static String siren(String siret) {
        return siret == null || siret.length() < 9 ? null : siret.substring(0, 9);
    }

    private Place place() {
        return places.get(placeContext.require().slug());
    }
}
