package org.tierslieux.coworking.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tierslieux.core.error.DomainException;

/**
 * Which URLs a webhook may post to: http or https with a host, no user or password in them (422
 * {@code webhook.url-invalid}), and not this server itself (422 {@code webhook.url-self}): neither the origin of
 * its public URL nor a loopback address on the port it listens on — a webhook calling the application would
 * let a manager make it call itself.
 */
@ApplicationScoped
class WebhookUrls {

    static final int MAX_LENGTH = 2000;

    private final String publicUrl;

    WebhookUrls(@ConfigProperty(name = "tl.public-url", defaultValue = "http://localhost:8080") String publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** The URL, trimmed, once it passes; refuses it otherwise. */
    String check(String typed) {
        String url = typed == null ? "" : typed.strip();
        URI uri = parse(url).orElseThrow(() -> invalid(url));
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(url);
        }
        if (uri.getRawUserInfo() != null || hasAuthorityAt(uri)) {
            throw invalid(url);
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid(url);
        }
        if (uri.getRawFragment() != null) {
            throw invalid(url);
        }
        if (isSelf(uri)) {
            throw DomainException.invalid("webhook.url-self", Map.of("url", url));
        }
        return url;
    }

    private static boolean hasAuthorityAt(URI uri) {
        String authority = uri.getRawAuthority();
        return authority != null && authority.contains("@");
    }

    private boolean isSelf(URI uri) {
        int port = portOf(uri);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        Optional<URI> own = parse(publicUrl);
        if (own.isPresent()
                && own.get().getHost() != null
                && own.get().getHost().equalsIgnoreCase(host)
                && portOf(own.get()) == port) {
            return true;
        }
        return isLoopback(host) && listeningPorts().contains(port);
    }

    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equals("localhost") || bare.endsWith(".localhost")) {
            return true;
        }
        // only literal addresses are looked at: no name is resolved here (a slow DNS must not hold a request)
        if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(bare);
            return address.isLoopbackAddress() || address.isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The ports this application listens on, read when asked (a test server takes a random one at start). */
    private static Set<Integer> listeningPorts() {
        Set<Integer> ports = new HashSet<>();
        var config = ConfigProvider.getConfig();
        for (String name : new String[] {
            "quarkus.http.port", "quarkus.http.test-port", "quarkus.http.ssl-port", "quarkus.http.test-ssl-port"
        }) {
            config.getOptionalValue(name, Integer.class).filter(p -> p > 0).ifPresent(ports::add);
        }
        return ports;
    }

    private static int portOf(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static Optional<URI> parse(String url) {
        if (url.isEmpty() || url.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(url));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static DomainException invalid(String url) {
        return DomainException.invalid(
                "webhook.url-invalid", Map.of("url", url.length() > 200 ? url.substring(0, 200) + "…" : url));
    }
}
