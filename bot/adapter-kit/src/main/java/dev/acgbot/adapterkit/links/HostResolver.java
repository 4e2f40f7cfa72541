package dev.acgbot.adapterkit.links;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Host name to addresses; the system's DNS in the bot, a fixed table in tests. */
@FunctionalInterface
public interface HostResolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The JVM's resolver (system DNS, /etc/hosts). */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
