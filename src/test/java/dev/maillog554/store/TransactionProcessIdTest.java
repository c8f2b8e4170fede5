package dev.maillog554.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.arjuna.ats.arjuna.utils.Utility;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A batch command opens no port: the transaction manager names the process by its pid instead of binding a
 * loopback server socket for the life of the process (Narayana's default).
 */
@QuarkusTest
class TransactionProcessIdTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int httpTestPort;

    @Test
    void aTransactionNamesTheProcessByItsPidAndListensOnNothing() throws IOException {
        QuarkusTransaction.requiringNew().run(() -> {
        });
        assertEquals((int) ProcessHandle.current().pid(), Utility.getpid());
        // The test profile serves HTTP for the REST tests (on a random port); nothing else may listen.
        List<Integer> ports = listeningPorts();
        ports.removeIf(p -> p == httpTestPort);
        assertEquals(List.of(), ports, "TCP ports this JVM listens on besides the HTTP test port");
    }

    /** The TCP ports this process listens on, from /proc: listening sockets whose inode is one of our fds. */
    static List<Integer> listeningPorts() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException gone) {
                    // closed while we listed them
                }
            }
        }
        List<Integer> ports = new ArrayList<>();
        for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                // f[1] local address:port (hex), f[3] state (0A = LISTEN), f[9] inode
                if (f[3].equals("0A") && inodes.contains(f[9])) {
                    String local = f[1];
                    ports.add(Integer.parseInt(local.substring(local.indexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }
}
