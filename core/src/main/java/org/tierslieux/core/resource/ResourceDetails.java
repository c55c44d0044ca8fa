package org.tierslieux.core.resource;

import java.util.Map;
import org.tierslieux.core.error.DomainException;

/** What a manager describes of a resource; {@code capacity} null means the kind's default. */
public record ResourceDetails(String name, String description, Integer capacity) {
    public ResourceDetails {
        if (name == null || name.isBlank()) {
            throw DomainException.invalid("resource.name-missing", Map.of());
        }
        name = name.strip();
        description = description == null || description.isBlank() ? null : description.strip();
        if (capacity != null && (capacity < 1 || capacity > 10_000)) {
            throw DomainException.invalid("resource.capacity-out-of-range", Map.of("capacity", capacity));
        }
    }
}
