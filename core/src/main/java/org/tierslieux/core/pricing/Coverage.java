package org.tierslieux.core.pricing;

import java.util.Objects;
import java.util.UUID;

/** The credit lot that pays a quote line: its id (the lot's GRANT entry), {@code PLAN} or {@code PACK}, a label. */
public record Coverage(UUID lotId, String source, String label) {
    public Coverage {
        Objects.requireNonNull(lotId, "lotId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(label, "label");
    }
}
