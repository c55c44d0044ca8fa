package org.tierslieux.server.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.tierslieux.core.membership.Company;
import org.tierslieux.core.membership.CompanyService;
import org.tierslieux.core.membership.GroupId;
import org.tierslieux.core.membership.GroupService;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.pricing.PriceList;
import org.tierslieux.core.pricing.Scope;
import org.tierslieux.core.pricing.Unit;
import org.tierslieux.core.pricing.VatRate;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceService;

/**
 * The demo places' member groups, a company account and price lists, through the services managers use.
 * La Filature enters its prices VAT included at 20 %; L'Atelier Commun, an association exempt from VAT (art.
 * 293 B du CGI), prices its machine hours per group. Seeded once: when a place has no price yet.
 */
@ApplicationScoped
class DemoPrices {

    @Inject
    Clock clock;

    @Inject
    GroupService groups;

    @Inject
    CompanyService companies;

    @Inject
    PriceList prices;

    @Inject
    ResourceService resources;

    /** In the current place (La Filature). */
    void filature(PlaceRef place, DemoCalendar.Cast cast) {
        if (!prices.prices(null).isEmpty()) {
            return;
        }
        addGroups();
        GroupId student = groups.find("student").id();
        GroupId association = groups.find("association").id();
        prices.pricesIncludeVat(true);
        LocalDate from = firstOfMonth(place);
        VatRate vat = VatRate.STANDARD;
        price(Scope.ofKind("DESK_POOL"), Unit.HALF_DAY, null, "12", vat, from);
        price(Scope.ofKind("DESK_POOL"), Unit.DAY, null, "20", vat, from);
        price(Scope.ofKind("DESK_POOL"), Unit.HALF_DAY, student, "8", vat, from);
        price(Scope.ofKind("DESK_POOL"), Unit.DAY, student, "14", vat, from);
        price(Scope.ofKind("DESK"), Unit.HALF_DAY, null, "15", vat, from);
        price(Scope.ofKind("DESK"), Unit.DAY, null, "25", vat, from);
        price(Scope.ofKind("ROOM"), Unit.HOUR, null, "25", vat, from);
        price(Scope.ofKind("ROOM"), Unit.HALF_DAY, null, "90", vat, from);
        price(Scope.ofKind("ROOM"), Unit.DAY, null, "150", vat, from);
        price(Scope.ofKind("ROOM"), Unit.HOUR, association, "15", vat, from);
        resource("Salle Navette").ifPresent(r -> price(Scope.ofResource(r.id()), Unit.HOUR, null, "15", vat, from));
        Company coop = companies.create(new Company.Details(
                "Coop des Tisserands",
                "73282932000074",
                "FR44732829320",
                cast.treasurer(),
                "compta@tisserands.example.org",
                "3 rue de la Navette",
                "59000",
                "Lille",
                "FR"));
        companies.addMember(coop.id(), cast.treasurer());
    }

    /** In the current place (L'Atelier Commun). */
    void atelier(PlaceRef place, DemoCalendar.Cast cast) {
        if (!prices.prices(null).isEmpty()) {
            return;
        }
        addGroups();
        GroupId student = groups.find("student").id();
        GroupId association = groups.find("association").id();
        prices.pricesIncludeVat(true);
        LocalDate from = firstOfMonth(place);
        VatRate exempt = VatRate.EXEMPT;
        price(Scope.ofKind("MACHINE"), Unit.HOUR, null, "10", exempt, from);
        price(Scope.ofKind("MACHINE"), Unit.HOUR, student, "6", exempt, from);
        price(Scope.ofKind("MACHINE"), Unit.DAY, null, "60", exempt, from);
        // the laser cutter, booked by 30 minutes: 12 EUR per half hour, 8 for students
        resource("Découpeuse laser Trotec").ifPresent(laser -> {
            price(Scope.ofResource(laser.id()), Unit.HOUR, null, "24", exempt, from);
            price(Scope.ofResource(laser.id()), Unit.HOUR, student, "16", exempt, from);
        });
        price(Scope.ofKind("SPACE"), Unit.HOUR, null, "5", exempt, from);
        price(Scope.ofKind("SPACE"), Unit.DAY, null, "30", exempt, from);
        price(Scope.ofKind("TRAINING"), Unit.SESSION, null, "40", exempt, from);
        price(Scope.ofKind("TRAINING"), Unit.SESSION, association, "20", exempt, from);
        groups.assign(cast.member2(), "student");
    }

    private void addGroups() {
        for (List<String> g : List.of(
                List.of("student", "Étudiants"),
                List.of("association", "Associations"),
                List.of("company", "Entreprises"))) {
            if (groups.groups().stream().noneMatch(x -> x.code().equals(g.get(0)))) {
                groups.create(g.get(0), g.get(1));
            }
        }
    }

    private java.util.Optional<Resource> resource(String name) {
        return resources.active().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    private void price(Scope scope, Unit unit, GroupId group, String amount, VatRate vat, LocalDate from) {
        prices.add(new PriceList.Entry(scope, unit, group, null, new BigDecimal(amount), vat, from, null));
    }

    /** Prices valid since the first of last month, so that the demo's history is priced too. */
    private LocalDate firstOfMonth(PlaceRef place) {
        return clock.instant()
                .atZone(place.zone())
                .toLocalDate()
                .withDayOfMonth(1)
                .minusMonths(1);
    }
}
