package org.tierslieux.core.place;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A postal address; {@code country} is an ISO 3166 alpha-2 code. */
@io.quarkus.qute.TemplateData
@Embeddable
public record Address(
        @Column(name = "street") String street,
        @Column(name = "postal_code") String postalCode,
        @Column(name = "city") String city,
        @Column(name = "country") String country) {}
