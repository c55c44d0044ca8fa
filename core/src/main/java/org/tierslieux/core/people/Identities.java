package org.tierslieux.core.people;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** Builds the security identity of an account; its attributes carry our person id to {@link Caller}. */
final class Identities {

    static final String PERSON_ID = "tl.person-id";
    static final String NETWORK_ADMIN_ROLE = "network-admin";

    private Identities() {}

    static SecurityIdentity of(PersonDirectory.Account account) {
        var builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.email()))
                .addAttribute(PERSON_ID, account.id())
                .addRole("user");
        if (account.networkAdmin()) {
            builder.addRole(NETWORK_ADMIN_ROLE);
        }
        return builder.build();
    }
}
