package org.alcove.server.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.alcove.server.config.ConfigLoader.envName;

/** The {@code ice.*} settings, which are checked against each other as well as one by one. */
final class IceSection {
    private IceSection() {
    }

    /**
     * STUN and TURN servers. TURN needs its secret (browsers refuse a TURN server without
     * credentials), a secret needs TURN URLs, and relay-only needs TURN (else no call connects).
     */
    static AlcoveConfig.Ice read(Settings settings) {
        List<String> stun = iceUrls(settings, "ice.stun-urls", List.of("stun", "stuns"));
        List<String> turn = iceUrls(settings, "ice.turn-urls", List.of("turn", "turns"));
        String secret = settings.optional("ice.turn-secret");
        boolean relayOnly = settings.bool("ice.relay-only");
        if (!turn.isEmpty() && secret == null) {
            throw new ConfigException(envName("ice.turn-secret") + " must be set when " + envName("ice.turn-urls")
                    + " is: the TURN server's static-auth-secret");
        }
        if (turn.isEmpty() && secret != null) {
            throw new ConfigException(envName("ice.turn-secret") + " is set but " + envName("ice.turn-urls")
                    + " is empty: name the TURN server too");
        }
        if (relayOnly && turn.isEmpty()) {
            throw new ConfigException(envName("ice.relay-only") + "=true needs a TURN server in "
                    + envName("ice.turn-urls") + ": without one no call can connect");
        }
        return new AlcoveConfig.Ice(stun, turn, secret, relayOnly);
    }

    /**
     * A comma-separated list of ICE server URLs (RFC 7064, 7065): one of {@code schemes}, a host,
     * an optional port, for TURN an optional {@code ?transport=udp|tcp}; no user info, no path.
     */
    private static List<String> iceUrls(Settings settings, String key, List<String> schemes) {
        List<String> urls = new ArrayList<>();
        for (String item : settings.raw(key).split(",")) {
            String value = item.trim();
            if (value.isEmpty()) {
                continue;
            }
            int colon = value.indexOf(':');
            String scheme = colon < 0 ? "" : value.substring(0, colon).toLowerCase(Locale.ROOT);
            String rest = colon < 0 ? "" : value.substring(colon + 1);
            String transport = "(\\?transport=(udp|tcp))?";
            String hostPort = "([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?";
            boolean turn = scheme.startsWith("turn");
            if (!schemes.contains(scheme) || !rest.matches(hostPort + (turn ? transport : ""))) {
                throw new ConfigException(envName(key) + " must list " + String.join(":/", schemes) + ": URLs such as "
                        + schemes.get(0) + ":host.example.org:3478" + (turn ? "?transport=udp" : "") + " (no user info or path)");
            }
            urls.add(value);
        }
        return urls;
    }
}
