package org.tierslieux.billing.invoice;

import java.util.Objects;
import java.util.UUID;

/** The id of an issued invoice or credit note. */
public record DocumentId(UUID value) {
    public DocumentId {
        Objects.requireNonNull(value, "value");
    }

    public static DocumentId of(String text) {
        return new DocumentId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
