package io.evalify.cli.progress;

import io.evalify.schemas.job.JobStatus;
import io.evalify.schemas.job.JobStatusResponse;
import io.evalify.schemas.job.JobStatusResponse.Counts;
import java.util.Locale;

/**
 * Renders one job status as a single line:
 * {@code [#########.......] 120/200 60% 45.1/s ETA 2s failed 0}, followed by the status when the job
 * is not simply running.
 */
public final class ProgressBar {

    /** Default bar width in characters, between the brackets. */
    public static final int DEFAULT_WIDTH = 30;

    private final int width;

    /** A bar {@code width} characters wide. */
    public ProgressBar(int width) {
        this.width = width;
    }

    /** A bar of the default width. */
    public ProgressBar() {
        this(DEFAULT_WIDTH);
    }

    /** The line for {@code status}. */
    public String render(JobStatusResponse status) {
        Counts counts = status.counts();
        String line = String.format(
                Locale.ROOT,
                "%s %d/%d %d%% %s ETA %s failed %d",
                bar(counts),
                counts.processed(),
                counts.total(),
                (long) Math.floor(status.percent()),
                rate(status.ratePerSecond()),
                eta(status.etaSeconds()),
                counts.failed());
        return status.status() == JobStatus.RUNNING ? line : line + " " + status.status();
    }

    private String bar(Counts counts) {
        int filled = counts.total() <= 0 ? width : (int) Math.min(width, counts.processed() * width / counts.total());
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    private static String rate(Double perSecond) {
        return perSecond == null ? "-/s" : String.format(Locale.ROOT, "%.1f/s", perSecond);
    }

    /** Seconds as {@code 2s}, {@code 1m05s} or {@code 2h03m}; {@code -} when unknown. */
    static String eta(Double seconds) {
        if (seconds == null || seconds.isNaN() || seconds < 0) {
            return "-";
        }
        long s = (long) Math.ceil(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
    }
}
