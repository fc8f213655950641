package io.evalify.localstack;

import java.util.List;
import java.util.Map;

/** A throw-away redis-server on 127.0.0.1: no persistence, data dir inside the run directory. */
public final class RedisServer {

    private final LocalStack stack;

    /** A Redis supervised by {@code stack}. */
    public RedisServer(LocalStack stack) {
        this.stack = stack;
    }

    /** Starts {@code binary} on {@code port}; the caller waits with {@link Probes#redisPing(int)}. */
    public ChildProcess start(RedisBinary binary, int port) {
        String executable = binary.materialize(stack.runDir().dir("bin")).toString();
        return stack.start(
                "redis", command(executable, port, stack.runDir().dir("redis").toString()), Map.of());
    }

    /** The command line; {@code --save ''} and {@code --appendonly no} keep it purely in memory. */
    static List<String> command(String executable, int port, String dataDir) {
        return List.of(
                executable,
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                dataDir);
    }
}
