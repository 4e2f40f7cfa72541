package dev.acgbot.adapterkit.links;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The limits of fetching a user's link. Only {@link #defaults()} is used by the bot; tests that serve images from
 * 127.0.0.1 name that address in {@link #withTestOnlyAllowed}, which product code never calls.
 *
 * @param connectTimeout   per connection attempt
 * @param totalTimeout     the whole fetch, every redirect and the body included
 * @param maxRedirects     redirects followed (each re-checked) before giving up
 * @param resolver         host names to addresses; the addresses are checked and then connected to, never re-resolved
 * @param testOnlyAllowed  non-public addresses let through anyway: empty in the bot
 */
public record LinkFetchRules(Duration connectTimeout, Duration totalTimeout, int maxRedirects, HostResolver resolver,
                             Set<InetAddress> testOnlyAllowed) {

    /**
     * 5 s to connect, 20 s in all (well below the commands' default 120 s deadline, executor.command_timeout, so the user hears "too slow" rather
     * than a timeout), 5 redirects (link shorteners and CDNs use one or two).
     */
    public static LinkFetchRules defaults() {
        return new LinkFetchRules(Duration.ofSeconds(5), Duration.ofSeconds(20), 5, HostResolver.system(), Set.of());
    }

    public LinkFetchRules {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(totalTimeout, "totalTimeout");
        Objects.requireNonNull(resolver, "resolver");
        testOnlyAllowed = Set.copyOf(testOnlyAllowed);
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects < 0");
        }
    }

    /** Tests only: a resolver of their own and loopback addresses their local servers listen on. */
    public LinkFetchRules withTestOnlyAllowed(HostResolver testResolver, Set<InetAddress> allowed) {
        return new LinkFetchRules(connectTimeout, totalTimeout, maxRedirects, testResolver, allowed);
    }

    public LinkFetchRules withTimeouts(Duration connect, Duration total) {
        return new LinkFetchRules(connect, total, maxRedirects, resolver, testOnlyAllowed);
    }

    /** Whether the fetcher may connect to this address. */
    public boolean allows(InetAddress address) {
        return PublicAddresses.isPublic(address) || testOnlyAllowed.contains(address);
    }
}
