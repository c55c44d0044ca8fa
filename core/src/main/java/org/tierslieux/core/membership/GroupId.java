package org.tierslieux.core.membership;

import java.util.Objects;
import java.util.UUID;

public record GroupId(UUID value) {
    public GroupId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
