package org.tierslieux.core.place.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tierslieux.core.place.Place;
import org.tierslieux.core.pricing.Price;
import org.tierslieux.core.pricing.PriceList;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.schedule.ScheduleService;
import org.tierslieux.core.schedule.WeeklyHours;
import org.tierslieux.core.tenancy.PlaceScope;

/**
 * What anyone may read about a place on its public page: its opening hours, the kinds of resources it offers
 * and its published prices (those valid today for everyone: no group, no plan). Read inside the place's own
 * scope, so row-level security applies as for any request to the place; nothing personal is read.
 */
@ApplicationScoped
class PublicPlaceView {

    /** Opening hours of one weekday, "09:00–18:00" pieces; empty when closed. */
    @io.quarkus.qute.TemplateData
    public record Day(DayOfWeek day, List<String> hours) {
        public String label(java.util.Locale locale) {
            String name = day.getDisplayName(java.time.format.TextStyle.FULL, locale);
            return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
        }
    }

    /** A kind of resource and how many the place has. */
    @io.quarkus.qute.TemplateData
    public record Kind(String kind, long count, List<String> names) {}

    /** A published price: what it applies to (a kind code, or a resource's name), its unit and amount. */
    @io.quarkus.qute.TemplateData
    public record PublicPrice(String kind, String resource, String unit, String amount, String currency) {}

    /** The public facts of a place. */
    @io.quarkus.qute.TemplateData
    public record Facts(List<Day> hours, List<Kind> kinds, List<PublicPrice> prices, boolean pricesIncludeVat) {}

    private final PlaceScope scope;
    private final ResourceService resources;
    private final ScheduleService schedules;
    private final PriceList priceList;
    private final Clock clock;

    PublicPlaceView(
            PlaceScope scope, ResourceService resources, ScheduleService schedules, PriceList priceList, Clock clock) {
        this.scope = scope;
        this.resources = resources;
        this.schedules = schedules;
        this.priceList = priceList;
        this.clock = clock;
    }

    Facts of(Place place) {
        return scope.call(place.ref(), () -> {
            List<Resource> active = resources.active();
            WeeklyHours weekly = schedules.placeHours();
            List<Day> days = new ArrayList<>();
            for (DayOfWeek d : DayOfWeek.values()) {
                days.add(new Day(
                        d,
                        weekly.on(d).stream()
                                .map(i -> i.opens() + "–" + i.closes())
                                .toList()));
            }
            Map<String, List<Resource>> byKind =
                    active.stream().collect(Collectors.groupingBy(Resource::kind, TreeMap::new, Collectors.toList()));
            List<Kind> kinds = byKind.entrySet().stream()
                    .map(e -> new Kind(
                            e.getKey(),
                            e.getValue().size(),
                            e.getValue().stream().map(Resource::name).sorted().toList()))
                    .toList();
            Map<UUID, String> names = active.stream().collect(Collectors.toMap(r -> r.id().value(), Resource::name));
            LocalDate today = LocalDate.now(clock.withZone(place.zone()));
            List<PublicPrice> prices = priceList.prices(today).stream()
                    .filter(p -> p.group() == null && p.planId() == null)
                    .filter(p -> !p.scope().isResource()
                            || names.containsKey(p.scope().resource().value()))
                    .map(p -> publicPrice(p, names, place))
                    .toList();
            return new Facts(days, kinds, prices, priceList.pricesIncludeVat());
        });
    }

    private static PublicPrice publicPrice(Price p, Map<UUID, String> names, Place place) {
        var scope = p.scope();
        return new PublicPrice(
                scope.isResource() ? null : scope.kind(),
                scope.isResource() ? names.get(scope.resource().value()) : null,
                p.unit().name(),
                p.amount().setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                place.currency().getCurrencyCode());
    }
}
