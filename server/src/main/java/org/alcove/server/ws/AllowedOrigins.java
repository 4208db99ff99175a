package org.alcove.server.ws;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which web pages may open {@code /ws}: an exact allow-list of origins, checked at the upgrade.
 * The socket carries no ambient credential (it authenticates with the token in its first message,
 * never a cookie), so this is defence in depth against a hostile page driving a visitor's browser;
 * a browser always sends {@code Origin}, so every browser socket is checked. A request without
 * {@code Origin} comes from a non-browser client (our Java peers, native apps), which has no
 * cookies to abuse and could forge any {@code Origin} anyway, so it is let through.
 *
 * <p>Origins compare as browsers serialise them: scheme and host lower-cased, the default port
 * dropped, nothing after the authority. Anything that is not such an origin ({@code null}, a
 * path, user info, a malformed port as in {@code http://127.0.0.1:8080.evil.test}) is refused.
 */
final class AllowedOrigins {
    private final Supplier<URI> publicUrl;
    private final Set<String> configured = new HashSet<>();

    /**
     * @param publicUrl  the server's public URL (known only once the port is bound)
     * @param configured further origins from {@code ws.allowed-origins}
     */
    AllowedOrigins(Supplier<URI> publicUrl, List<URI> configured) {
        this.publicUrl = publicUrl;
        for (URI origin : configured) {
            this.configured.add(serialise(origin.getScheme(), origin.getHost(), origin.getPort()));
        }
    }

    /**
     * True when a socket may open with this {@code Origin} header value ({@code null} when absent).
     *
     * @param ownOrigin the origin the request itself was sent to ({@code scheme://host[:port]} from
     *                  its {@code Host}), as {@code Authenticator} also accepts for same-origin requests
     */
    boolean allows(String header, String ownOrigin) {
        if (header == null) {
            return true;
        }
        Optional<String> origin = normalise(header);
        if (origin.isEmpty()) {
            return false;
        }
        URI url = publicUrl.get();
        String own = normalise(ownOrigin).orElse(null);
        return origin.get().equals(serialise(url.getScheme(), url.getHost(), url.getPort()))
                || origin.get().equals(own) || configured.contains(origin.get());
    }

    /** The origin as a browser serialises it, or empty when {@code value} is not a bare http(s) origin. */
    static Optional<String> normalise(String value) {
        if (value == null) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean bare = "".equals(uri.getRawPath()) && uri.getRawQuery() == null && uri.getRawFragment() == null
                && uri.getRawUserInfo() == null;
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
            return Optional.empty();
        }
        return Optional.of(serialise(scheme, uri.getHost(), uri.getPort()));
    }

    private static String serialise(String scheme, String host, int port) {
        String lowerScheme = scheme.toLowerCase(Locale.ROOT);
        boolean defaultPort = port == -1 || (lowerScheme.equals("http") && port == 80)
                || (lowerScheme.equals("https") && port == 443);
        return lowerScheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
