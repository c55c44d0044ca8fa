package org.tierslieux.core.people;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How people prove who they are: {@code local} (accounts with passwords in our database) or {@code oidc}
 * (Keycloak). Configured by {@code tl.identity.mode}; production refuses to start without it.
 */
@ApplicationScoped
public class IdentityMode {

    public enum Mode {
        LOCAL,
        OIDC
    }

    private final Optional<Mode> mode;

    IdentityMode(@ConfigProperty(name = "tl.identity.mode") Optional<String> configured) {
        this.mode = configured.map(value -> Mode.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT)));
    }

    public boolean isLocal() {
        return mode.orElse(Mode.LOCAL) == Mode.LOCAL;
    }

    public boolean isOidc() {
        return mode.orElse(Mode.LOCAL) == Mode.OIDC;
    }
}
