package io.evalify.cli.progress;

import static io.evalify.cli.progress.StatusFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.schemas.job.JobStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

    private final StringWriter text = new StringWriter();
    private final Clock frozen = Clock.fixed(Instant.parse("2026-01-10T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void shouldRedrawInPlaceWithCarriageReturnsOnATerminal() {
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(text), true, frozen);

        printer.update(status(JobStatus.RUNNING, 10, 1, 0, 1.0, 9.0));
        printer.update(status(JobStatus.RUNNING, 10, 10, 0, 1.0, 0.0));
        printer.finish();

        assertThat(text.toString()).startsWith("\r[").contains("\r[##############################] 10/10");
        assertThat(text.toString()).endsWith(System.lineSeparator()).doesNotContain("1/10" + System.lineSeparator());
    }

    @Test
    void shouldPrintPlainLinesAtMostEveryIntervalButAlwaysTheTerminalOne() {
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(text), false, frozen);

        printer.update(status(JobStatus.RUNNING, 10, 1, 0, 1.0, 9.0));
        printer.update(status(JobStatus.RUNNING, 10, 2, 0, 1.0, 8.0));
        printer.update(status(JobStatus.COMPLETED, 10, 10, 0, null, null));
        printer.finish();

        assertThat(text.toString().lines()).hasSize(2).noneMatch(l -> l.contains("\r"));
        assertThat(text.toString()).contains("1/10").doesNotContain("2/10").contains("10/10");
    }
}
