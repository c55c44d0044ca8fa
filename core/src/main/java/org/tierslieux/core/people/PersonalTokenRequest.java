package org.tierslieux.core.people;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A personal API token presented as {@code Authorization: Bearer tlm_...}. */
final class PersonalTokenRequest extends BaseAuthenticationRequest {

    private final String token;

    PersonalTokenRequest(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }
}
