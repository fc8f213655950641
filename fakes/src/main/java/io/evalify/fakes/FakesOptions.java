package io.evalify.fakes;

import io.evalify.fakes.backend.GeneratedQuizSpec;
import io.evalify.fakes.common.LatencyModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Command-line options of {@link FakesMain}, hand-parsed (flags take one value unless noted). */
final class FakesOptions {

    static final String USAGE = """
            Usage: FakesMain [options]
              --host ADDR                  bind address (default 127.0.0.1)
              --backend-port N             fake Evalify backend port (default 0 = ephemeral)
              --llm-port N                 fake LLM port (default 0)
              --judge0-port N              fake Judge0 port (default 0)
              --api-key KEY                backend API_KEY (default evalify_api_key)
              --base-path PATH             backend base path (default /api/utils)
              --llm-api-key KEY            bearer key the LLM requires (default: none)
              --fixture PATH               serve a quiz in the sample-fixture format (repeatable)
              --sample-fixture             serve the built-in sample fixture (no value)
              --generate-quiz ID           serve a generated quiz (repeatable); the flags below apply to the last one:
                --students N  --questions M  --seed S  --types MCQ,MMCQ,...  --not-submitted K
                --answers mixed|graded   mixed (default): some blank, some the model answer; graded: every
                                         question answered, none with the model answer (one LLM call each)
              --backend-latency-ms N       fixed delay on every backend route
              --backend-fault-500-rate P   500 probability on every backend route
              --llm-latency-ms N           fixed LLM delay
              --llm-latency SPEC           fixed:MS | uniform:MIN:MAX | lognormal:MEDIAN:P99
              --llm-fault-429-rate P       429 probability (with Retry-After)
              --llm-retry-after-s N        Retry-After seconds (default 1)
              --llm-fault-500-rate P       500 probability
              --llm-malformed-rate P       malformed-content probability
              --llm-hang-rate P            probability of a 5-minute hang
              --llm-obedient               obey instructions in student answers (no value)
              --judge0-latency-ms N        fixed Judge0 delay
              --judge0-fault-500-rate P    Judge0 500 probability
              --ready-file PATH            write {"backend_url","llm_url","judge0_url"} once listening
              --verbose                    log every request at DEBUG (no value)
            """;

    String host = "127.0.0.1";
    int backendPort;
    int llmPort;
    int judge0Port;
    String apiKey = "evalify_api_key";
    String basePath = "/api/utils";
    String llmApiKey;
    final List<Path> fixtures = new ArrayList<>();
    boolean sampleFixture;
    final List<GeneratedQuizSpec.Builder> generated = new ArrayList<>();
    long backendLatencyMs;
    double backendFault500Rate;
    LatencyModel llmLatency = LatencyModel.none();
    double llmFault429Rate;
    int llmRetryAfterSeconds = 1;
    double llmFault500Rate;
    double llmMalformedRate;
    double llmHangRate;
    boolean llmObedient;
    long judge0LatencyMs;
    double judge0Fault500Rate;
    Path readyFile;
    boolean verbose;
    boolean help;

    /** Parses {@code args}; throws {@link IllegalArgumentException} with a readable message on a bad flag. */
    static FakesOptions parse(String... args) {
        FakesOptions options = new FakesOptions();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (options.applySwitch(flag)) {
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            options.apply(flag, args[++i]);
        }
        return options;
    }

    List<GeneratedQuizSpec> generatedSpecs() {
        return generated.stream().map(GeneratedQuizSpec.Builder::build).toList();
    }

    private boolean applySwitch(String flag) {
        switch (flag) {
            case "--sample-fixture" -> sampleFixture = true;
            case "--llm-obedient" -> llmObedient = true;
            case "--verbose" -> verbose = true;
            case "--help", "-h" -> help = true;
            default -> {
                return false;
            }
        }
        return true;
    }

    private void apply(String flag, String value) {
        switch (flag) {
            case "--host" -> host = value;
            case "--backend-port" -> backendPort = Integer.parseInt(value);
            case "--llm-port" -> llmPort = Integer.parseInt(value);
            case "--judge0-port" -> judge0Port = Integer.parseInt(value);
            case "--api-key" -> apiKey = value;
            case "--base-path" -> basePath = value;
            case "--llm-api-key" -> llmApiKey = value;
            case "--fixture" -> fixtures.add(Path.of(value));
            case "--generate-quiz" -> generated.add(GeneratedQuizSpec.builder(value));
            case "--students" -> lastGenerated(flag).students(Integer.parseInt(value));
            case "--questions" -> lastGenerated(flag).questions(Integer.parseInt(value));
            case "--seed" -> lastGenerated(flag).seed(Long.parseLong(value));
            case "--types" -> lastGenerated(flag).types(Arrays.asList(value.split(",")));
            case "--not-submitted" -> lastGenerated(flag).notSubmitted(Integer.parseInt(value));
            case "--answers" -> lastGenerated(flag).allAnswersGraded(gradedAnswers(value));
            case "--backend-latency-ms" -> backendLatencyMs = Long.parseLong(value);
            case "--backend-fault-500-rate" -> backendFault500Rate = Double.parseDouble(value);
            case "--llm-latency-ms" -> llmLatency = LatencyModel.fixed(Long.parseLong(value));
            case "--llm-latency" -> llmLatency = LatencyModel.parse(value);
            case "--llm-fault-429-rate" -> llmFault429Rate = Double.parseDouble(value);
            case "--llm-retry-after-s" -> llmRetryAfterSeconds = Integer.parseInt(value);
            case "--llm-fault-500-rate" -> llmFault500Rate = Double.parseDouble(value);
            case "--llm-malformed-rate" -> llmMalformedRate = Double.parseDouble(value);
            case "--llm-hang-rate" -> llmHangRate = Double.parseDouble(value);
            case "--judge0-latency-ms" -> judge0LatencyMs = Long.parseLong(value);
            case "--judge0-fault-500-rate" -> judge0Fault500Rate = Double.parseDouble(value);
            case "--ready-file" -> readyFile = Path.of(value);
            default -> throw new IllegalArgumentException("unknown flag " + flag);
        }
    }

    private static boolean gradedAnswers(String mode) {
        return switch (mode) {
            case "mixed" -> false;
            case "graded" -> true;
            default -> throw new IllegalArgumentException("--answers takes mixed or graded, not " + mode);
        };
    }

    private GeneratedQuizSpec.Builder lastGenerated(String flag) {
        if (generated.isEmpty()) {
            throw new IllegalArgumentException(flag + " must follow --generate-quiz");
        }
        return generated.getLast();
    }
}
