package dev.acgbot.adapterkit.links;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Whether an address is on the public internet, so that a link a user posts cannot make the bot reach its own
 * host, its network, or a cloud metadata service (169.254.169.254). An allow-list for IPv6 (only global unicast
 * 2000::/3 passes) and a deny-list for IPv4; IPv6 forms that carry an IPv4 address (mapped ::ffff:a.b.c.d,
 * compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by that IPv4 address.
 */
public final class PublicAddresses {

    private PublicAddresses() {
    }

    public static boolean isPublic(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            return isPublicV4(v4.getAddress());
        }
        if (address instanceof Inet6Address v6) {
            return isPublicV6(v6.getAddress());
        }
        return false;
    }

    static boolean isPublicV4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        return !(b0 == 0                                   // 0/8 "this network", 0.0.0.0 unspecified
                || b0 == 10                                // 10/8 private
                || b0 == 127                               // 127/8 loopback
                || (b0 == 100 && (b1 & 0xc0) == 64)        // 100.64/10 carrier-grade NAT
                || (b0 == 169 && b1 == 254)                // 169.254/16 link-local, incl. 169.254.169.254 metadata
                || (b0 == 172 && (b1 & 0xf0) == 16)        // 172.16/12 private
                || (b0 == 192 && b1 == 168)                // 192.168/16 private
                || (b0 == 192 && b1 == 0 && b2 == 0)       // 192.0.0/24 protocol assignments
                || (b0 == 192 && b1 == 0 && b2 == 2)       // 192.0.2/24 documentation
                || (b0 == 198 && (b1 & 0xfe) == 18)        // 198.18/15 benchmarking
                || (b0 == 198 && b1 == 51 && b2 == 100)    // 198.51.100/24 documentation
                || (b0 == 203 && b1 == 0 && b2 == 113)     // 203.0.113/24 documentation
                || b0 >= 224);                             // 224/4 multicast, 240/4 reserved, 255.255.255.255 broadcast
    }

    static boolean isPublicV6(byte[] a) {
        byte[] embedded = embeddedV4(a);
        if (embedded != null) {
            return isPublicV4(embedded);
        }
        int first = a[0] & 0xff;
        if ((first & 0xe0) != 0x20) {
            // outside 2000::/3: ::, ::1, fc00::/7 unique local, fe80::/10 link-local, ff00::/8 multicast, the rest reserved
            return false;
        }
        // 2001:db8::/32 documentation
        return !(first == 0x20 && a[1] == 0x01 && a[2] == 0x0d && (a[3] & 0xff) == 0xb8);
    }

    /** The IPv4 address an IPv6 address stands for, or null. */
    private static byte[] embeddedV4(byte[] a) {
        boolean tenZeroBytes = true;
        for (int i = 0; i < 10; i++) {
            tenZeroBytes &= a[i] == 0;
        }
        boolean mapped = tenZeroBytes && a[10] == (byte) 0xff && a[11] == (byte) 0xff;
        boolean compatible = tenZeroBytes && a[10] == 0 && a[11] == 0 && !isZeroOrOne(a);
        boolean nat64 = (a[0] & 0xff) == 0x00 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b
                && allZero(a, 4, 12);
        if (mapped || compatible || nat64) {
            return new byte[]{a[12], a[13], a[14], a[15]};
        }
        if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) { // 2002::/16 6to4
            return new byte[]{a[2], a[3], a[4], a[5]};
        }
        return null;
    }

    /** :: and ::1 are IPv6's own unspecified and loopback, not IPv4-compatible forms (refused anyway). */
    private static boolean isZeroOrOne(byte[] a) {
        return allZero(a, 0, 15) && (a[15] == 0 || a[15] == 1);
    }

    private static boolean allZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
