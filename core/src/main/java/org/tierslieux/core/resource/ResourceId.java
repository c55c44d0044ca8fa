package org.tierslieux.core.resource;

import java.util.Objects;
import java.util.UUID;

public record ResourceId(UUID value) {
    public ResourceId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
