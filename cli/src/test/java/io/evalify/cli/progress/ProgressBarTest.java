package io.evalify.cli.progress;

import static io.evalify.cli.progress.StatusFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.schemas.job.JobStatus;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final ProgressBar bar = new ProgressBar(16);

    @Test
    void shouldRenderDoneTotalPercentRateEtaAndFailures() {
        String line = bar.render(status(JobStatus.RUNNING, 200, 118, 2, 45.1, 1.8));

        assertThat(line).isEqualTo("[#########.......] 120/200 60% 45.1/s ETA 2s failed 2");
    }

    @Test
    void shouldShowUnknownRateAndEtaAsDashesWhileQueued() {
        String line = bar.render(status(JobStatus.QUEUED, 200, 0, 0, null, null));

        assertThat(line).isEqualTo("[................] 0/200 0% -/s ETA - failed 0 QUEUED");
    }

    @Test
    void shouldFillTheBarAndNameTheStatusWhenTerminal() {
        String line = bar.render(status(JobStatus.COMPLETED, 200, 200, 0, null, null));

        assertThat(line).startsWith("[################] 200/200 100%").endsWith(" COMPLETED");
    }

    @Test
    void shouldFillTheBarOfAnEmptyJob() {
        assertThat(bar.render(status(JobStatus.COMPLETED, 0, 0, 0, null, null))).startsWith("[################] 0/0");
    }

    @Test
    void shouldFormatEtaInSecondsMinutesAndHours() {
        assertThat(ProgressBar.eta(0.2)).isEqualTo("1s");
        assertThat(ProgressBar.eta(65.0)).isEqualTo("1m05s");
        assertThat(ProgressBar.eta(7_380.0)).isEqualTo("2h03m");
        assertThat(ProgressBar.eta(-1.0)).isEqualTo("-");
    }
}
