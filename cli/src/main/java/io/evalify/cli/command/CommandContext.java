package io.evalify.cli.command;

import io.evalify.cli.CliContext;
import io.evalify.cli.api.ApiClient;
import io.evalify.cli.api.ApiOptions;
import io.evalify.cli.progress.JobWatcher;
import io.evalify.cli.progress.ProgressPrinter;
import java.io.PrintWriter;
import java.time.Clock;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every job command shares: the API options, the CLI context and the output streams. */
abstract class CommandContext {

    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions apiOptions;

    final CliContext context;

    CommandContext(CliContext context) {
        this.context = context;
    }

    ApiClient client() {
        return new ApiClient(apiOptions.resolve(context));
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    JobWatcher watcher(ApiClient client) {
        ProgressPrinter printer = new ProgressPrinter(out(), context.tty(), Clock.systemUTC());
        return new JobWatcher(client, printer, context.pollInterval(), Clock.systemUTC());
    }
}
