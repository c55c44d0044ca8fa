package org.tierslieux.core.pricing;

import java.util.Objects;
import java.util.UUID;

/** What a quote is for: {@code BOOKING}, {@code SUBSCRIPTION} or {@code PACK}, and its id (null in a preview). */
public record QuoteSubject(String type, UUID id) {

    public static final String BOOKING = "BOOKING";
    public static final String SUBSCRIPTION = "SUBSCRIPTION";
    public static final String PACK = "PACK";

    public QuoteSubject {
        Objects.requireNonNull(type, "type");
    }

    public static QuoteSubject preview(String type) {
        return new QuoteSubject(type, null);
    }

    public QuoteSubject withId(UUID id) {
        return new QuoteSubject(type, id);
    }
}
