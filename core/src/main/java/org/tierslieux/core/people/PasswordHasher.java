package org.tierslieux.core.people;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tierslieux.core.error.DomainException;

/**
 * Local passwords: bcrypt with a configurable cost (12 by default, about a quarter of a second, on purpose).
 * Integrations use personal tokens instead, so that nothing at scale hashes a password per request.
 */
@ApplicationScoped
public class PasswordHasher {

    static final int MIN_LENGTH = 10;

    private final int cost;
    private final String decoy;

    PasswordHasher(@ConfigProperty(name = "tl.security.bcrypt-cost", defaultValue = "12") int cost) {
        this.cost = cost;
        this.decoy = BcryptUtil.bcryptHash("decoy-password-never-matched", cost);
    }

    /** Hashes a password a person chose; refuses a weak one. */
    public String hashChosen(String password) {
        if (password == null || password.length() < MIN_LENGTH || password.isBlank()) {
            throw DomainException.invalid("person.password-weak", Map.of("min", MIN_LENGTH));
        }
        return hash(password);
    }

    /** Hashes without the strength rule: only for the demo accounts of the embedded default. */
    String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    /**
     * Checks a password. An unknown account still costs one bcrypt check, so that timing does not tell
     * which emails have an account.
     */
    public boolean matches(String password, String hashOrNull) {
        if (password == null) {
            return false;
        }
        if (hashOrNull == null) {
            BcryptUtil.matches(password, decoy);
            return false;
        }
        return BcryptUtil.matches(password, hashOrNull);
    }
}
