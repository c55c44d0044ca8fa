package org.tierslieux.core.place.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Access;
import org.tierslieux.core.place.Place;
import org.tierslieux.core.place.PlaceKind;
import org.tierslieux.core.place.PlaceService;
import org.tierslieux.core.place.Slug;
import org.tierslieux.core.place.api.PlaceProfiles;
import org.tierslieux.core.place.api.PlaceRequest;
import org.tierslieux.core.web.Pages;

/**
 * The network's pages: the map and list of places and a public page per place for everyone, the place form
 * for network admins.
 */
@Path("/network")
@Produces(MediaType.TEXT_HTML)
public class NetworkPages {

    /** The place form's fields, as typed (strings), so that a refused form comes back as the person left it. */
    @io.quarkus.qute.TemplateData
    public record PlaceForm(
            String slug,
            String name,
            String timeZone,
            String currency,
            Set<PlaceKind> kinds,
            String legalName,
            String siret,
            String vatNumber,
            String vatExemptionMention,
            String street,
            String postalCode,
            String city,
            String country,
            String latitude,
            String longitude,
            String website,
            Long version,
            String description) {

        static PlaceForm blank() {
            return new PlaceForm(
                    null,
                    null,
                    PlaceProfiles.DEFAULT_ZONE,
                    PlaceProfiles.DEFAULT_CURRENCY,
                    Set.of(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "FR",
                    null,
                    null,
                    null,
                    null,
                    null);
        }

        static PlaceForm of(Place p) {
            var legal = p.legal();
            var address = p.address();
            return new PlaceForm(
                    p.slug(),
                    p.name(),
                    p.zone().getId(),
                    p.currency().getCurrencyCode(),
                    p.kinds(),
                    legal.legalName(),
                    legal.siret(),
                    legal.vatNumber(),
                    legal.vatExemptionMention(),
                    address.street(),
                    address.postalCode(),
                    address.city(),
                    address.country(),
                    p.coordinates().latitude() == null
                            ? null
                            : String.valueOf(p.coordinates().latitude()),
                    p.coordinates().longitude() == null
                            ? null
                            : String.valueOf(p.coordinates().longitude()),
                    p.website(),
                    p.version(),
                    p.description());
        }

        PlaceRequest toRequest() {
            return new PlaceRequest(
                    slug,
                    name,
                    timeZone,
                    currency,
                    kinds,
                    new PlaceRequest.Legal(legalName, siret, vatNumber, vatExemptionMention),
                    new PlaceRequest.AddressBody(
                            street, postalCode, city, country == null || country.isBlank() ? "FR" : country),
                    number(latitude),
                    number(longitude),
                    website == null || website.isBlank() ? null : website.strip(),
                    version);
        }

        public boolean has(Object kind) {
            return kinds != null && kinds.stream().anyMatch(k -> k.name().equals(String.valueOf(kind)));
        }

        private static Double number(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return Double.valueOf(text.strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                throw DomainException.invalid(
                        "place.coordinates-invalid", java.util.Map.of("latitude", text, "longitude", ""));
            }
        }
    }

    private final PlaceService places;

    @jakarta.inject.Inject
    jakarta.validation.Validator validator;

    private final Pages pages;
    private final Template home;
    private final Template form;
    private final Template publicPlace;
    private final PublicPlaceView publicView;

    NetworkPages(
            PlaceService places,
            Pages pages,
            PublicPlaceView publicView,
            @Location("core/network.html") Template home,
            @Location("core/place-form.html") Template form,
            @Location("core/network-place.html") Template publicPlace) {
        this.places = places;
        this.pages = pages;
        this.publicView = publicView;
        this.home = home;
        this.form = form;
        this.publicPlace = publicPlace;
    }

    @GET
    @Access.Public
    public TemplateInstance network() {
        List<Place> all = places.all();
        return pages.page(home).data("places", all);
    }

    /** A place's public page: what a passer-by wants to know before coming (no sign-in needed). */
    @GET
    @Path("places/{slug}")
    @Access.Public
    public TemplateInstance publicPage(@PathParam("slug") String slug) {
        Place place = places.get(slug);
        return pages.page(publicPlace).data("p", place).data("facts", publicView.of(place));
    }

    @GET
    @Path("places/new")
    @Access.NetworkAdmin
    public TemplateInstance newPlace() {
        return formPage(PlaceForm.blank(), false, null);
    }

    @POST
    @Path("places")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Access.NetworkAdmin
    public Response create(@jakarta.ws.rs.BeanParam FormFields fields) {
        PlaceForm submitted = fields.toForm(null, null);
        try {
            checkedDescription(submitted.description());
            var place = places.create(new Slug(submitted.slug()), PlaceProfiles.from(checked(submitted.toRequest())));
            if (submitted.description() != null && !submitted.description().isBlank()) {
                places.describe(place.slug(), submitted.description());
            }
            return Pages.redirect("/network#" + place.slug());
        } catch (DomainException refused) {
            return pages.refused(refused, error -> formPage(submitted, false, error));
        }
    }

    @GET
    @Path("places/{slug}/edit")
    @Access.NetworkAdmin
    public TemplateInstance edit(@PathParam("slug") String slug) {
        return formPage(PlaceForm.of(places.get(slug)), true, null);
    }

    @POST
    @Path("places/{slug}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Access.NetworkAdmin
    public Response update(@PathParam("slug") String slug, @jakarta.ws.rs.BeanParam FormFields fields) {
        places.get(slug);
        PlaceForm submitted = fields.toForm(slug, fields.version);
        try {
            checkedDescription(submitted.description());
            places.edit(slug, PlaceProfiles.from(checked(submitted.toRequest())), submitted.version());
            places.describe(slug, submitted.description());
            return Pages.redirect("/network#" + slug);
        } catch (DomainException refused) {
            return pages.refused(refused, error -> formPage(submitted, true, error));
        }
    }

    private TemplateInstance formPage(PlaceForm values, boolean editing, String error) {
        return pages.page(form)
                .data("form", values)
                .data("editing", editing)
                .data("error", error)
                .data("allKinds", EnumSet.allOf(PlaceKind.class));
    }

    /** Refused before anything is saved, so that a too long description does not leave half a place behind. */
    private static void checkedDescription(String description) {
        if (description != null && description.length() > 2000) {
            throw DomainException.invalid("place.description-too-long", java.util.Map.of("max", 2000));
        }
    }

    /** The same checks as the API's (lengths, formats), refused as a form error rather than by the database. */
    private PlaceRequest checked(PlaceRequest request) {
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            String fields = violations.stream()
                    .map(v -> v.getPropertyPath() + " : " + v.getMessage())
                    .sorted()
                    .collect(java.util.stream.Collectors.joining(", "));
            throw DomainException.invalid("request.invalid", java.util.Map.of("fields", fields));
        }
        return request;
    }

    /** The fields of the place form. */
    public static class FormFields {
        @RestForm
        String slug;

        @RestForm
        String name;

        @RestForm
        String timeZone;

        @RestForm
        String currency;

        @RestForm
        List<String> kinds;

        @RestForm
        String legalName;

        @RestForm
        String siret;

        @RestForm
        String vatNumber;

        @RestForm
        String vatExemptionMention;

        @RestForm
        String street;

        @RestForm
        String postalCode;

        @RestForm
        String city;

        @RestForm
        String country;

        @RestForm
        String latitude;

        @RestForm
        String longitude;

        @RestForm
        String website;

        @RestForm
        Long version;

        @RestForm
        String description;

        PlaceForm toForm(String fixedSlug, Long version) {
            Set<PlaceKind> chosen = EnumSet.noneOf(PlaceKind.class);
            if (kinds != null) {
                for (String kind : kinds) {
                    try {
                        chosen.add(PlaceKind.valueOf(kind));
                    } catch (IllegalArgumentException unknown) {
                        // a tampered form: the kind is ignored, the "kinds missing" rule speaks if none is left
                    }
                }
            }
            return new PlaceForm(
                    fixedSlug != null ? fixedSlug : trim(slug),
                    trim(name),
                    trim(timeZone),
                    trim(currency),
                    chosen,
                    trim(legalName),
                    trim(siret),
                    trim(vatNumber),
                    trim(vatExemptionMention),
                    trim(street),
                    trim(postalCode),
                    trim(city),
                    trim(country),
                    trim(latitude),
                    trim(longitude),
                    trim(website),
                    version,
                    trim(description));
        }

        private static String trim(String s) {
            return s == null ? null : s.strip();
        }
    }
}
