package org.tierslieux.core.resource.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a manager sends to create or edit a resource. {@code kind} is ignored on edit. */
public record ResourceRequest(
        @Size(max = 40) String kind,
        @NotBlank @Size(max = 120) String name,
        @Size(max = 2000) String description,
        @Min(1) @Max(10_000) Integer capacity,
        Long version) {}
