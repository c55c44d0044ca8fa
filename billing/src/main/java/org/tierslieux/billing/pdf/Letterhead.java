package org.tierslieux.billing.pdf;

import java.time.ZoneId;
import java.util.Objects;

/**
 * What a PDF shows of its place besides the document itself: the place's public name, its zone (to date a
 * payment instant), the logo (PNG or JPEG bytes, nullable) and the free footer of its invoice settings
 * (nullable).
 */
public record Letterhead(String placeName, ZoneId zone, byte[] logo, String footer) {

    public Letterhead {
        Objects.requireNonNull(placeName, "placeName");
        Objects.requireNonNull(zone, "zone");
    }
}
