package org.tierslieux.core.pricing;

import java.util.Objects;
import java.util.UUID;
import org.tierslieux.core.people.PersonId;

/** Who is billed: the member, or the company account they belong to (companyId, its name). */
public record BillTo(PersonId person, UUID companyId, String name) {
    public BillTo {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(name, "name");
    }
}
