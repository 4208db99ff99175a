package org.alcove.server.throttle;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The throttling key of a source address: an IPv4 address stands for itself, an IPv6 address for
 * its /64. One IPv6 subscriber usually holds a whole /64 (often more), so keying by full address
 * would hand an attacker billions of fresh keys. Anything that is not an IP literal (a proxy's
 * obfuscated {@code Forwarded: for=_hidden}, {@code unknown}) is its own key, never resolved.
 */
public final class AddressGroup {
    private static final int PREFIX_BYTES = 8;

    private AddressGroup() {
    }

    /** {@code 192.0.2.1} → itself; {@code 2001:db8:1:2:3:4:5:6} → {@code 2001:db8:1:2:0:0:0:0/64}. */
    public static String of(String address) {
        if (address == null || address.isEmpty()) {
            return "";
        }
        String literal = address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
        if (!looksLikeIpv6(literal)) {
            return literal.toLowerCase(Locale.ROOT);
        }
        try {
            // A string of hex digits, dots and colons is parsed as a literal: no DNS lookup happens.
            InetAddress parsed = InetAddress.getByName(literal);
            if (!(parsed instanceof Inet6Address)) {
                return parsed.getHostAddress();  // an IPv4-mapped address is its IPv4 address
            }
            byte[] prefix = Arrays.copyOf(Arrays.copyOf(parsed.getAddress(), PREFIX_BYTES), 16);
            return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return literal.toLowerCase(Locale.ROOT);
        }
    }

    /** Only hex digits, colons and dots, with a colon: what {@link InetAddress} parses without a lookup. */
    private static boolean looksLikeIpv6(String text) {
        if (text.indexOf(':') < 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c == ':' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }
}
