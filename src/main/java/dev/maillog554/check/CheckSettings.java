package dev.maillog554.check;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.xbill.DNS.config.ResolvConfResolverConfigProvider;

/**
 * How live checks ask DNS.
 *
 * @param resolver    the resolver to ask
 * @param timeout     per query
 * @param concurrency queries in flight at most
 * @param ips         our sending IPs, besides those the reply texts name ({@code --ip})
 */
public record CheckSettings(InetSocketAddress resolver, Duration timeout, int concurrency, List<String> ips) {

    /** Queries in flight at most: a handful is quick and never looks like a flood to a resolver or a list. */
    public static final int CONCURRENCY = 4;
    public static final Duration TIMEOUT = Duration.ofSeconds(3);

    public CheckSettings {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the check timeout must be positive");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("the check concurrency must be at least 1");
        }
        ips = ips == null ? List.of() : List.copyOf(ips);
        for (String ip : ips) {
            if (Ips.parse(ip).isEmpty()) {
                throw new IllegalArgumentException("invalid --ip '" + ip + "': give an IPv4 or IPv6 address");
            }
        }
    }

    /**
     * Settings from the command line.
     *
     * @param resolver {@code HOST[:PORT]} ({@code [v6]:PORT} for IPv6 with a port), or null for the system's
     */
    public static CheckSettings of(String resolver, Duration timeout, List<String> ips) {
        return new CheckSettings(resolver == null ? systemResolver() : parseResolver(resolver),
                timeout == null ? TIMEOUT : timeout, CONCURRENCY, ips);
    }

    /** {@code 192.0.2.53}, {@code 192.0.2.53:5353}, {@code ::1}, {@code [::1]:5353}, {@code dns.example}. */
    static InetSocketAddress parseResolver(String s) {
        String t = s.trim();
        String host = t;
        int port = 53;
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0) {
                throw bad(s);
            }
            host = t.substring(1, close);
            if (close + 1 < t.length()) {
                if (t.charAt(close + 1) != ':') {
                    throw bad(s);
                }
                port = port(t.substring(close + 2), s);
            }
        } else if (t.indexOf(':') >= 0 && t.indexOf(':') == t.lastIndexOf(':')) {
            host = t.substring(0, t.indexOf(':'));
            port = port(t.substring(t.indexOf(':') + 1), s);
        }
        if (host.isEmpty()) {
            throw bad(s);
        }
        try {
            // A literal is parsed without DNS; a name is looked up once, through the system's resolver.
            InetAddress a = Ips.parse(host).isPresent() ? Ips.parse(host).get() : InetAddress.getByName(host);
            return new InetSocketAddress(a, port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("invalid --resolver '" + s + "': unknown host " + host);
        }
    }

    /**
     * The first nameserver of /etc/resolv.conf, read by dnsjava's resolv.conf reader alone: its other sources
     * (Windows through JNA, JNDI, Android) are not wanted on Linux and would not fit a native binary.
     */
    static InetSocketAddress systemResolver() {
        ResolvConfResolverConfigProvider conf = new ResolvConfResolverConfigProvider();
        conf.initialize();
        List<InetSocketAddress> servers = new ArrayList<>(conf.servers());
        if (servers.isEmpty()) {
            // What resolv.conf(5) says a missing nameserver line means: the local machine.
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), 53);
        }
        return servers.get(0);
    }

    private static int port(String p, String s) {
        try {
            int port = Integer.parseInt(p);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(s);
    }

    private static IllegalArgumentException bad(String s) {
        return new IllegalArgumentException("invalid --resolver '" + s + "': give HOST or HOST:PORT ([IPv6]:PORT)");
    }
}
