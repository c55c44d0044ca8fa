package org.tierslieux.server.coworking.webhook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * HMAC-SHA256 computed by programs outside the JVM, as a receiver written in another language would check a
 * signature: OpenSSL's {@code dgst -hmac}, and Python's {@code hmac} module.
 */
final class OutsideHmac {

    private OutsideHmac() {}

    /** The lowercase hex HMAC-SHA256 of {@code message} under {@code key}, by {@code openssl dgst}. */
    static String openssl(String key, String message) {
        String out = run(message, "openssl", "dgst", "-sha256", "-hmac", key);
        // "SHA2-256(stdin)= 3f0a..." or "(stdin)= 3f0a..." depending on the version
        return out.substring(out.lastIndexOf('=') + 1).strip();
    }

    /** The same by Python's standard library (key and message passed through the environment and stdin). */
    static String python(String key, String message) {
        return run(
                        message,
                        "python3",
                        "-c",
                        "import hmac,hashlib,sys;"
                                + "print(hmac.new(sys.argv[1].encode(),sys.stdin.buffer.read(),hashlib.sha256).hexdigest())",
                        key)
                .strip();
    }

    private static String run(String stdin, String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command[0]) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
