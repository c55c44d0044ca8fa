package org.tierslieux.core.people;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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

    /**
     * Hashes a password a person chose for the account {@code email}; refuses a weak one (422): shorter than
     * {@value #MIN_LENGTH} characters, the email itself (or its part before the @), or a very common password.
     */
    public String hashChosen(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH || password.isBlank()) {
            throw DomainException.invalid("person.password-weak", Map.of("min", MIN_LENGTH));
        }
        String lower = password.strip().toLowerCase(Locale.ROOT);
        if (email != null) {
            String address = email.strip().toLowerCase(Locale.ROOT);
            int at = address.indexOf('@');
            if (lower.equals(address) || (at > 0 && lower.equals(address.substring(0, at)))) {
                throw DomainException.invalid("person.password-is-email", Map.of());
            }
        }
        if (COMMON.contains(lower)) {
            throw DomainException.invalid("person.password-common", Map.of());
        }
        return hash(password);
    }

    /** The bundled list of very common passwords, lower case. */
    private static final Set<String> COMMON = commonPasswords();

    private static Set<String> commonPasswords() {
        try (var in = PasswordHasher.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
