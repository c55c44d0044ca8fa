package org.tierslieux.core.kernel;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reads what native queries return for a {@code timestamptz} column, whichever type the driver chose. */
public final class Columns {

    private Columns() {}

    public static Instant instant(Object column) {
        return switch (column) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("Unexpected timestamp type " + column.getClass());
        };
    }
}
