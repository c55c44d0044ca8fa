package org.tierslieux.core.membership;

import java.util.Objects;
import java.util.UUID;

public record CompanyId(UUID value) {
    public CompanyId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
