package org.tierslieux.core.place;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tierslieux.core.error.DomainException;

class PlaceRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"la-filature", "atelier-commun", "ab", "fablab-59", "a1"})
    void good_slugs_are_accepted(String slug) {
        assertThat(new Slug(slug).value()).isEqualTo(slug);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a",
                "-start",
                "end-",
                "Upper",
                "with space",
                "accentué",
                "x_y",
                "a/b",
                "12345678901234567890123456789012345678901"
            })
    void malformed_slugs_are_refused(String slug) {
        assertThatThrownBy(() -> new Slug(slug))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("place.slug-invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "ical", "network", "login", "logout", "static", "webjars"})
    void the_applications_own_paths_are_reserved(String slug) {
        assertThatThrownBy(() -> new Slug(slug))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("place.slug-reserved");
    }

    @Test
    void a_siret_needs_fourteen_digits_and_a_valid_key() {
        assertThat(new Siret("443 061 841 00047").value()).isEqualTo("44306184100047");
        assertThat(new Siret("35600000000048").value()).isEqualTo("35600000000048");
        assertThat(new Siret("35600000000010").value()).isEqualTo("35600000000010"); // La Poste's own rule
        assertThatThrownBy(() -> new Siret("44306184100048")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new Siret("4430618410004")).isInstanceOf(DomainException.class);
    }

    @Test
    void a_place_has_a_vat_number_or_an_exemption_mention_not_both() {
        assertThat(new LegalIdentity("SAS X", null, "fr 44 732829320", null).vatNumber())
                .isEqualTo("FR44732829320");
        assertThat(new LegalIdentity("Asso Y", null, null, "TVA non applicable, art. 293 B du CGI")
                        .vatExemptionMention())
                .isNotBlank();
        assertThatThrownBy(() -> new LegalIdentity("Z", null, null, null))
                .hasMessageContaining("place.vat-status-required");
        assertThatThrownBy(() -> new LegalIdentity("Z", null, "FR44732829320", "exonérée"))
                .hasMessageContaining("place.vat-status-required");
        assertThatThrownBy(() -> new LegalIdentity(" ", null, "FR44732829320", null))
                .hasMessageContaining("place.legal-name-missing");
    }

    @Test
    void coordinates_are_both_given_or_both_absent_and_on_earth() {
        assertThat(new GeoPoint(50.63, 3.06).isKnown()).isTrue();
        assertThat(new GeoPoint(null, null).isKnown()).isFalse();
        assertThatThrownBy(() -> new GeoPoint(50.63, null)).hasMessageContaining("place.coordinates-incomplete");
        assertThatThrownBy(() -> new GeoPoint(91.0, 3.0)).hasMessageContaining("place.coordinates-invalid");
    }
}
