package io.evalify.cli.progress;

import io.evalify.schemas.job.JobStatusResponse;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Shows the progress line: redrawn in place with a carriage return on a terminal; on a pipe or in CI,
 * printed as plain lines when it changes, at most every {@link #PLAIN_INTERVAL}.
 */
public final class ProgressPrinter {

    /** Minimum time between two plain (non-terminal) lines. */
    public static final Duration PLAIN_INTERVAL = Duration.ofSeconds(2);

    private final PrintWriter out;
    private final boolean tty;
    private final Clock clock;
    private final ProgressBar bar = new ProgressBar();
    private String lastLine = "";
    private Instant lastPrinted;
    private boolean pendingNewline;

    /** Prints to {@code out}; {@code tty} chooses in-place redraw. */
    public ProgressPrinter(PrintWriter out, boolean tty, Clock clock) {
        this.out = out;
        this.tty = tty;
        this.clock = clock;
    }

    /** Shows {@code status}. */
    public void update(JobStatusResponse status) {
        String line = bar.render(status);
        if (tty) {
            redraw(line);
        } else {
            printPlain(line, status.status().isTerminal());
        }
        out.flush();
    }

    /** Ends the in-place line so that what follows starts on a fresh line. */
    public void finish() {
        if (pendingNewline) {
            out.println();
            out.flush();
            pendingNewline = false;
        }
    }

    private void redraw(String line) {
        int padding = Math.max(0, lastLine.length() - line.length());
        out.print("\r" + line + " ".repeat(padding));
        lastLine = line;
        pendingNewline = true;
    }

    private void printPlain(String line, boolean terminal) {
        Instant now = clock.instant();
        boolean due = lastPrinted == null || Duration.between(lastPrinted, now).compareTo(PLAIN_INTERVAL) >= 0;
        if (!line.equals(lastLine) && (due || terminal)) {
            out.println(line);
            lastLine = line;
            lastPrinted = now;
        }
    }
}
