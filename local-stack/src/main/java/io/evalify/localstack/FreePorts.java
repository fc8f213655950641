package io.evalify.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Hands out TCP ports that are free on 127.0.0.1 right now, never the same one twice, so that the
 * children of one run do not collide. (Another program may still take a port before the child binds
 * it; the child then fails to start and the run says so.)
 */
public final class FreePorts {

    private final Set<Integer> handedOut = new HashSet<>();

    /** A port free on 127.0.0.1 that this instance has not handed out before. */
    public synchronized int next() {
        while (true) {
            int port = probe();
            if (handedOut.add(port)) {
                return port;
            }
        }
    }

    private static int probe() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
