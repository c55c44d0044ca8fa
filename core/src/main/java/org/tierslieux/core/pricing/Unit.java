package org.tierslieux.core.pricing;

import java.math.BigDecimal;

/** How a quantity of use is counted. Prices and credits are both expressed in one of these. */
public enum Unit {
    HOUR(new BigDecimal("0.25")),
    HALF_DAY(BigDecimal.ONE),
    DAY(new BigDecimal("0.5")),
    USE(BigDecimal.ONE),
    SESSION(BigDecimal.ONE);

    private final BigDecimal step;

    Unit(BigDecimal step) {
        this.step = step;
    }

    /** The smallest quantity granted or prorated in this unit (credits are rounded down to it). */
    public BigDecimal step() {
        return step;
    }

    /** Whether this unit measures time (HOUR, HALF_DAY, DAY) rather than counting uses or sessions. */
    public boolean timed() {
        return this == HOUR || this == HALF_DAY || this == DAY;
    }
}
