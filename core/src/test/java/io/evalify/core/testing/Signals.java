package io.evalify.core.testing;

import java.io.IOException;

/** POSIX signals Java's {@link Process} cannot send: freezing a server in place, as a stalled host would. */
public final class Signals {

    private Signals() {}

    /** SIGSTOP: the process stops running but keeps its sockets open, so peers see silence, not a refusal. */
    public static void freeze(Process process) {
        send("-STOP", process);
    }

    /** SIGCONT: a frozen process runs on. */
    public static void thaw(Process process) {
        send("-CONT", process);
    }

    private static void send(String signal, Process process) {
        try {
            int exit = new ProcessBuilder("kill", signal, String.valueOf(process.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
