package org.tierslieux.coworking.network;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceRef;

/** What a member's pass page and API show: home place, the month's allowance, hosts, visits. */
@ApplicationScoped
public class PassView {

    @io.quarkus.qute.TemplateData
    public record Pass(
            String home,
            String homeName,
            YearMonth month,
            BigDecimal allowance,
            BigDecimal used,
            BigDecimal left,
            List<PassBookings.HostPlace> places,
            List<VisitLog.Visit> visits) {}

    private static final ZoneId NETWORK_ZONE = ZoneId.of("Europe/Paris");

    private final NetworkPass pass;
    private final PassBookings bookings;
    private final VisitLog visits;

    PassView(NetworkPass pass, PassBookings bookings, VisitLog visits) {
        this.pass = pass;
        this.bookings = bookings;
        this.visits = visits;
    }

    /** The pass of the person for a month (this month when null). No home: empty hosts and no allowance. */
    public Pass of(PersonId person, YearMonth month) {
        PlaceRef home = pass.homeIfAny(person).orElse(null);
        YearMonth m = month == null ? pass.thisMonth(home == null ? NETWORK_ZONE : home.zone()) : month;
        var allowance = inTransaction(() -> pass.allowance(person, m));
        BigDecimal allowed = home == null ? BigDecimal.ZERO : allowance.allowed();
        return new Pass(
                home == null ? null : home.slug(),
                home == null ? null : home.name(),
                m,
                allowed,
                allowance.used(),
                allowed.subtract(allowance.used()).max(BigDecimal.ZERO),
                home == null ? List.of() : bookings.hosts(home.id()),
                visits.of(person, m.atDay(1), m.plusMonths(2).atEndOfMonth()));
    }

    private static <T> T inTransaction(java.util.function.Supplier<T> work) {
        return io.quarkus.narayana.jta.QuarkusTransaction.joiningExisting().call(work::get);
    }
}
