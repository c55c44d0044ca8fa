package org.tierslieux.core.membership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.tenancy.TenantOwned;

/** A company account: an organisation whose members' purchases are billed to it, with one billing contact. */
@io.quarkus.qute.TemplateData
@Entity
@Table(name = "company")
public class Company extends TenantOwned {

    /** What a manager enters for a company; every field but the name is optional. */
    public record Details(
            String name,
            String siret,
            String vatNumber,
            PersonId billingContact,
            String billingEmail,
            String street,
            String postalCode,
            String city,
            String country) {}

    @Column(nullable = false)
    private String name;

    private String siret;

    @Column(name = "vat_number")
    private String vatNumber;

    @Column(name = "billing_contact_id")
    private UUID billingContactId;

    @Column(name = "billing_email")
    private String billingEmail;

    private String street;

    @Column(name = "postal_code")
    private String postalCode;

    private String city;

    private String country;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Company() {}

    Company(Details details, Instant createdAt) {
        super(UUID.randomUUID());
        this.createdAt = createdAt;
        describe(details);
    }

    void describe(Details d) {
        if (d.name() == null || d.name().isBlank() || d.name().strip().length() > 200) {
            throw DomainException.invalid("company.name-invalid", Map.of());
        }
        String siretDigits = blankToNull(d.siret());
        if (siretDigits != null) {
            siretDigits = siretDigits.replace(" ", "");
            if (!siretDigits.matches("\\d{9}|\\d{14}")) {
                throw DomainException.invalid("company.siret-invalid", Map.of("siret", d.siret()));
            }
        }
        String vat = blankToNull(d.vatNumber());
        if (vat != null) {
            vat = vat.replace(" ", "").toUpperCase(Locale.ROOT);
            if (!vat.matches("[A-Z]{2}[A-Z0-9]{2,18}")) {
                throw DomainException.invalid("company.vat-number-invalid", Map.of("vatNumber", d.vatNumber()));
            }
        }
        String email = blankToNull(d.billingEmail());
        if (email != null && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw DomainException.invalid("company.email-invalid", Map.of("email", email));
        }
        String c = blankToNull(d.country());
        if (c != null && !c.strip().matches("[A-Za-z]{2}")) {
            throw DomainException.invalid("company.country-invalid", Map.of("country", c));
        }
        this.name = d.name().strip();
        this.siret = siretDigits;
        this.vatNumber = vat;
        this.billingContactId =
                d.billingContact() == null ? null : d.billingContact().value();
        this.billingEmail = email == null ? null : email.toLowerCase(Locale.ROOT);
        this.street = limit(d.street(), 300);
        this.postalCode = limit(d.postalCode(), 12);
        this.city = limit(d.city(), 120);
        this.country = c == null ? null : c.strip().toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String limit(String s, int max) {
        String v = blankToNull(s);
        if (v != null && v.length() > max) {
            throw DomainException.invalid("company.field-too-long", Map.of("max", max));
        }
        return v;
    }

    public CompanyId id() {
        return new CompanyId(uuid());
    }

    public String name() {
        return name;
    }

    public String siret() {
        return siret;
    }

    public String vatNumber() {
        return vatNumber;
    }

    public PersonId billingContact() {
        return billingContactId == null ? null : new PersonId(billingContactId);
    }

    public String billingEmail() {
        return billingEmail;
    }

    public String street() {
        return street;
    }

    public String postalCode() {
        return postalCode;
    }

    public String city() {
        return city;
    }

    public String country() {
        return country;
    }

    public Details details() {
        return new Details(name, siret, vatNumber, billingContact(), billingEmail, street, postalCode, city, country);
    }
}
