package org.tierslieux.billing.mollie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tierslieux.core.error.DomainException;

/** Sealing Mollie keys: round trip, bound to the place, rotation through retired keys, refusal of a wrong key. */
class KeyCipherTest {

    private static final String K1 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String K2 = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
    private static final String SECRET = "test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM";
    private final UUID place = UUID.randomUUID();

    @Test
    void a_sealed_key_opens_again_for_its_place_only() {
        var cipher = new KeyCipher(Optional.of(K1), 1, Optional.empty());
        var sealed = cipher.seal(place, SECRET);
        assertEquals(12, sealed.nonce().length);
        assertEquals(SECRET.length() + 16, sealed.ciphertext().length);
        assertFalse(new String(sealed.ciphertext(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("dHar4"));
        assertEquals(SECRET, cipher.open(place, sealed));
        var elsewhere = assertThrows(DomainException.class, () -> cipher.open(UUID.randomUUID(), sealed));
        assertEquals("mollie.key-unreadable", elsewhere.code());
        // two seals of the same key differ (fresh nonce)
        assertFalse(java.util.Arrays.equals(
                sealed.ciphertext(), cipher.seal(place, SECRET).ciphertext()));
    }

    @Test
    void a_tampered_ciphertext_does_not_open() {
        var cipher = new KeyCipher(Optional.of(K1), 1, Optional.empty());
        var sealed = cipher.seal(place, SECRET);
        byte[] bytes = sealed.ciphertext().clone();
        bytes[0] ^= 1;
        assertThrows(DomainException.class, () -> cipher.open(place, new KeyCipher.Sealed(bytes, sealed.nonce(), 1)));
    }

    @Test
    void after_a_rotation_old_seals_open_with_the_retired_key_and_are_outdated() {
        var before = new KeyCipher(Optional.of(K1), 1, Optional.empty());
        var old = before.seal(place, SECRET);
        var after = new KeyCipher(Optional.of(K2), 2, Optional.of("1:" + K1));
        assertEquals(SECRET, after.open(place, old));
        assertTrue(after.outdated(old));
        var fresh = after.seal(place, SECRET);
        assertEquals(2, fresh.version());
        assertFalse(after.outdated(fresh));
        // without the retired key, the old seal is unreadable: the manager enters the key again
        var lost = new KeyCipher(Optional.of(K2), 2, Optional.empty());
        assertEquals(
                "mollie.encryption-key-missing",
                assertThrows(DomainException.class, () -> lost.open(place, old)).code());
        // a wrong key under the right version does not open either
        var wrong = new KeyCipher(Optional.of(K2), 1, Optional.empty());
        assertEquals(
                "mollie.key-unreadable",
                assertThrows(DomainException.class, () -> wrong.open(place, old))
                        .code());
    }

    @Test
    void without_an_encryption_key_nothing_is_sealed() {
        var none = new KeyCipher(Optional.empty(), 1, Optional.empty());
        assertEquals(
                "mollie.encryption-key-missing",
                assertThrows(DomainException.class, () -> none.seal(place, SECRET))
                        .code());
        assertFalse(KeyCipher.validKey("change-me"));
        assertFalse(KeyCipher.validKey(Base64.getEncoder().encodeToString(new byte[16])));
        assertTrue(KeyCipher.validKey(K1));
    }

    @Test
    void a_mollie_key_shows_only_its_mode_and_last_four() {
        var key = new MollieKey("  live_" + "a".repeat(26) + "WXYZ ");
        assertEquals("live", key.mode());
        assertEquals("WXYZ", key.last4());
        assertFalse(key.toString().contains("aaaa"));
        for (String bad :
                new String[] {null, "", "test_short", "prod_" + "a".repeat(30), "test_" + "a".repeat(29) + "!"}) {
            assertEquals(
                    "mollie.key-invalid",
                    assertThrows(DomainException.class, () -> new MollieKey(bad))
                            .code());
        }
    }
}
