package org.tierslieux.core.pricing;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * The quantities a booking amounts to, in every unit at once (see {@link UsageMeter} for the one rule that
 * counts them). Prices pick the cheapest unit; credits take the unit they are granted in.
 */
public record Usage(Map<Unit, BigDecimal> quantities) {

    public Usage {
        EnumMap<Unit, BigDecimal> copy = new EnumMap<>(Unit.class);
        quantities.forEach((u, q) -> {
            if (q.signum() < 0) {
                throw new IllegalArgumentException("A usage is never negative: " + u + " " + q);
            }
            copy.put(u, q);
        });
        quantities = java.util.Collections.unmodifiableMap(copy);
    }

    public static Usage none() {
        return new Usage(Map.of());
    }

    /** The quantity in a unit, zero when the usage says nothing of it. */
    public BigDecimal quantity(Unit unit) {
        return quantities.getOrDefault(unit, BigDecimal.ZERO);
    }

    public Usage plus(Usage other) {
        EnumMap<Unit, BigDecimal> sum = new EnumMap<>(Unit.class);
        for (Unit u : Unit.values()) {
            BigDecimal q = quantity(u).add(other.quantity(u));
            if (quantities.containsKey(u) || other.quantities.containsKey(u)) {
                sum.put(u, q);
            }
        }
        return new Usage(sum);
    }

    public boolean isEmpty() {
        return quantities.values().stream().allMatch(q -> q.signum() == 0);
    }
}
