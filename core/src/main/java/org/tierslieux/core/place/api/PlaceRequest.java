package org.tierslieux.core.place.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.tierslieux.core.place.PlaceKind;

/** What a network admin sends to create a place (all of it) or edit one ({@code slug} is ignored then). */
public record PlaceRequest(
        @Size(max = 40) String slug,
        @NotBlank @Size(max = 120) String name,
        @Size(max = 64) String timeZone,
        @Pattern(regexp = "[A-Z]{3}") String currency,
        @NotEmpty Set<PlaceKind> kinds,
        @Valid Legal legal,
        @Valid AddressBody address,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @Size(max = 300) @Pattern(regexp = "https?://\\S+") String website,
        Long version) {

    public record Legal(
            @NotBlank @Size(max = 200) String legalName,
            @Size(max = 20) String siret,
            @Size(max = 20) String vatNumber,
            @Size(max = 300) String vatExemptionMention) {}

    public record AddressBody(
            @Size(max = 300) String street,
            @Size(max = 12) String postalCode,
            @Size(max = 120) String city,
            @Pattern(regexp = "[A-Z]{2}") String country) {}
}
