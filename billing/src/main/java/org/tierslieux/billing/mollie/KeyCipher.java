package org.tierslieux.billing.mollie;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tierslieux.core.error.DomainException;

/**
 * Seals secrets that the application must read back (a place's Mollie key) with AES-256-GCM: a random 96-bit
 * nonce per secret, the place's id as associated data (a ciphertext copied into another place's row does not
 * open), and the version of the application key that sealed it, so the key can be rotated: the current key
 * ({@code tl.secrets.encryption-key}, version {@code tl.secrets.encryption-key-version}) seals; retired keys
 * ({@code tl.secrets.retired-keys}: {@code version:base64,...}) still open what they sealed.
 */
@ApplicationScoped
public class KeyCipher {

    /** A sealed secret: ciphertext with its GCM tag, the nonce, and the application key's version. */
    public record Sealed(byte[] ciphertext, byte[] nonce, int version) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TAG_BITS = 128;

    private final Optional<String> currentKey;
    private final int currentVersion;
    private final Optional<String> retiredKeys;

    KeyCipher(
            @ConfigProperty(name = "tl.secrets.encryption-key") Optional<String> currentKey,
            @ConfigProperty(name = "tl.secrets.encryption-key-version", defaultValue = "1") int currentVersion,
            @ConfigProperty(name = "tl.secrets.retired-keys") Optional<String> retiredKeys) {
        this.currentKey = currentKey;
        this.currentVersion = currentVersion;
        this.retiredKeys = retiredKeys;
    }

    /** Whether a key of 32 bytes is configured (production refuses to start otherwise). */
    public static boolean validKey(String base64) {
        try {
            return base64 != null && Base64.getDecoder().decode(base64.strip()).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public Sealed seal(UUID place, String secret) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keyOf(currentVersion), nonce, place);
            return new Sealed(cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8)), nonce, currentVersion);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt", e);
        }
    }

    public String open(UUID place, Sealed sealed) {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, keyOf(sealed.version()), sealed.nonce(), place);
            return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // a wrong key or a tampered row: the stored key is unusable, the manager must enter it again
            throw new DomainException(503, "mollie.key-unreadable", Map.of());
        }
    }

    /** Whether this sealed secret should be sealed again under the current key. */
    public boolean outdated(Sealed sealed) {
        return sealed.version() != currentVersion;
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, UUID place) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(ByteBuffer.allocate(16)
                .putLong(place.getMostSignificantBits())
                .putLong(place.getLeastSignificantBits())
                .array());
        return cipher;
    }

    private byte[] keyOf(int version) {
        String base64 =
                version == currentVersion ? currentKey.orElse(null) : retired().get(version);
        if (!validKey(base64)) {
            throw new DomainException(503, "mollie.encryption-key-missing", Map.of("version", version));
        }
        return Base64.getDecoder().decode(base64.strip());
    }

    private Map<Integer, String> retired() {
        Map<Integer, String> keys = new LinkedHashMap<>();
        retiredKeys.ifPresent(list -> {
            for (String entry : list.split(",")) {
                int colon = entry.indexOf(':');
                if (colon > 0) {
                    try {
                        keys.put(Integer.parseInt(entry.substring(0, colon).strip()), entry.substring(colon + 1));
                    } catch (NumberFormatException ignored) {
                        // a malformed entry opens nothing
                    }
                }
            }
        });
        return keys;
    }
}
