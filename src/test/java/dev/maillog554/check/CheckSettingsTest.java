package dev.maillog554.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** --resolver, --ip and the timeout as the commands pass them. */
class CheckSettingsTest {

    @Test
    void resolverForms() {
        assertEquals("192.0.2.53:53", Dns.label(CheckSettings.parseResolver("192.0.2.53")));
        assertEquals("127.0.0.1:5353", Dns.label(CheckSettings.parseResolver("127.0.0.1:5353")));
        assertEquals("[::1]:53", Dns.label(CheckSettings.parseResolver("::1")));
        assertEquals("[2001:db8::53]:5353", Dns.label(CheckSettings.parseResolver("[2001:db8::53]:5353")));
        assertEquals("127.0.0.1:53", Dns.label(CheckSettings.parseResolver("localhost")));
        for (String bad : List.of("", ":53", "127.0.0.1:0", "127.0.0.1:x", "[::1", "[::1]x")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CheckSettings.parseResolver(bad), bad);
            assertEquals("invalid --resolver '" + bad + "': give HOST or HOST:PORT ([IPv6]:PORT)", e.getMessage());
        }
    }

    @Test
    void badIpsAndTimeoutsAreUsageErrors() {
        InetSocketAddress r = CheckSettings.parseResolver("127.0.0.1");
        assertEquals("invalid --ip 'mail.example.com': give an IPv4 or IPv6 address", assertThrows(
                IllegalArgumentException.class, () -> new CheckSettings(r, Duration.ofSeconds(3), 4,
                        List.of("mail.example.com"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CheckSettings(r, Duration.ZERO, 4, List.of()));
        assertEquals(Duration.ofSeconds(3), CheckSettings.of("127.0.0.1", null, null).timeout());
    }

    @Test
    void theSystemResolverComesFromResolvConf() {
        // Whatever this machine's /etc/resolv.conf says, the answer is one address with a port (never null).
        InetSocketAddress a = CheckSettings.systemResolver();
        assertEquals(true, a.getPort() > 0);
    }
}
