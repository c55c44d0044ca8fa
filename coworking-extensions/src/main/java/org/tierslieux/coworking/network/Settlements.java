package org.tierslieux.coworking.network;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.place.PlaceId;

/**
 * The month's settlement of the network pass: who hosted whom, how many desk-days, at the network rate of each
 * visit's day, and for each place what it is owed as a host and what it owes as a home place. Cancelled visits
 * do not count. A treasurer sees the lines involving their places (and those places' balances); a network
 * admin sees everything.
 */
@ApplicationScoped
public class Settlements {

    /** Desk-days one member of {@code home} spent at {@code host} in the month, at one rate. */
    @io.quarkus.qute.TemplateData
    public record Line(
            String host,
            String hostName,
            String home,
            String homeName,
            UUID person,
            String personName,
            BigDecimal days,
            Money rate,
            Money amount) {}

    /** A place's position: owed as a host, owes as a home place, and the net (positive: to receive). */
    @io.quarkus.qute.TemplateData
    public record Balance(String place, String name, Money owed, Money owes, Money net) {}

    @io.quarkus.qute.TemplateData
    public record Report(YearMonth month, List<Line> lines, List<Balance> balances) {}

    /** The month's report, limited to lines where host or home is one of {@code places} (null: all). */
    @Transactional
    public Report of(YearMonth month, Set<PlaceId> places) {
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery(
                        "select h.id, h.slug, h.name, o.id, o.slug, o.name, v.person_id, p.display_name,"
                                + " sum(v.days), v.rate, v.currency from network_visit v"
                                + " join place h on h.id = v.host_place_id join place o on o.id = v.home_place_id"
                                + " join person p on p.id = v.person_id"
                                + " where v.cancelled_at is null and v.day between :from and :to"
                                + " group by h.id, h.slug, h.name, o.id, o.slug, o.name, v.person_id,"
                                + " p.display_name, v.rate, v.currency"
                                + " order by h.name, o.name, p.display_name, v.rate",
                        Object[].class)
                .setParameter("from", month.atDay(1))
                .setParameter("to", month.atEndOfMonth())
                .getResultList();
        List<Line> lines = new ArrayList<>();
        Map<String, Balance> balances = new LinkedHashMap<>();
        for (Object[] r : rows) {
            PlaceId host = new PlaceId((UUID) r[0]);
            PlaceId home = new PlaceId((UUID) r[3]);
            if (places != null && !places.contains(host) && !places.contains(home)) {
                continue;
            }
            Currency currency = Currency.getInstance((String) r[10]);
            BigDecimal days = ((BigDecimal) r[8]).stripTrailingZeros();
            Money rate = new Money(((BigDecimal) r[9]).setScale(2, RoundingMode.HALF_UP), currency);
            Money amount = new Money(rate.amount().multiply(days).setScale(2, RoundingMode.HALF_UP), currency);
            lines.add(new Line(
                    (String) r[1],
                    (String) r[2],
                    (String) r[4],
                    (String) r[5],
                    (UUID) r[6],
                    (String) r[7],
                    days,
                    rate,
                    amount));
            if (places == null || places.contains(host)) {
                add(balances, (String) r[1], (String) r[2], amount, true);
            }
            if (places == null || places.contains(home)) {
                add(balances, (String) r[4], (String) r[5], amount, false);
            }
        }
        return new Report(month, lines, List.copyOf(balances.values()));
    }

    private static void add(Map<String, Balance> balances, String slug, String name, Money amount, boolean owed) {
        Money zero = Money.zero(amount.currency()).rounded();
        Balance b = balances.getOrDefault(slug, new Balance(slug, name, zero, zero, zero));
        Money newOwed = owed ? b.owed().plus(amount) : b.owed();
        Money newOwes = owed ? b.owes() : b.owes().plus(amount);
        balances.put(slug, new Balance(slug, name, newOwed, newOwes, newOwed.minus(newOwes)));
    }
}
