package org.tierslieux.billing.invoice;

import org.tierslieux.core.place.Address;

/**
 * A party of a document as it was when the document was issued: the seller (the place's legal identity) or the
 * buyer (a person, or the company billed for them). {@code business} is true for a buyer that is a company or
 * an association with a SIREN: the late-penalty and recovery-fee mentions apply to it. Nullable: siren, siret,
 * vatNumber, address, email.
 */
public record Party(
        String name, String siren, String siret, String vatNumber, Address address, String email, boolean business) {}
