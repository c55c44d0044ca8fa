package org.tierslieux.core.place;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Map;
import org.tierslieux.core.error.DomainException;

/**
 * Who issues the place's invoices. A place either has a VAT number or states why it charges no VAT (for
 * instance "TVA non applicable, art. 293 B du CGI"); invoices will print one or the other.
 */
@io.quarkus.qute.TemplateData
@Embeddable
public record LegalIdentity(
        @Column(name = "legal_name") String legalName,
        @Column(name = "siret") String siret,
        @Column(name = "vat_number") String vatNumber,
        @Column(name = "vat_exemption_mention") String vatExemptionMention) {

    public LegalIdentity {
        if (legalName == null || legalName.isBlank()) {
            throw DomainException.invalid("place.legal-name-missing", Map.of());
        }
        siret = siret == null || siret.isBlank() ? null : new Siret(siret).value();
        vatNumber = blankToNull(vatNumber);
        vatExemptionMention = blankToNull(vatExemptionMention);
        if (vatNumber != null) {
            vatNumber = vatNumber.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
            if (!vatNumber.matches("[A-Z]{2}[0-9A-Z]{2,13}")) {
                throw DomainException.invalid("place.vat-number-invalid", Map.of("vatNumber", vatNumber));
            }
        }
        if ((vatNumber == null) == (vatExemptionMention == null)) {
            throw DomainException.invalid("place.vat-status-required", Map.of());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
