package io.evalify.fakes.judge0;

import io.evalify.fakes.common.FakeExchange;
import io.evalify.fakes.common.FakeServer;
import io.evalify.fakes.common.Faults;
import io.evalify.fakes.common.Replies;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import tools.jackson.databind.JsonNode;

/**
 * A fake Judge0 CE: {@code POST /submissions?base64_encoded=false&wait=true} answered from canned results
 * registered by tests, keyed by (source, stdin), or else by {@link PythonShapes}, a tiny table of known
 * Python programs. It never runs code. Unknown programs get status 11 with stderr
 * {@value #UNKNOWN_PROGRAM}. The fake always waits and ignores {@code base64_encoded} (plain text only).
 */
public final class FakeJudge0 extends FakeServer {

    /** stderr of a program neither canned nor recognised. */
    public static final String UNKNOWN_PROGRAM = "fake judge0: unknown program";

    /** A canned key; a null stdin matches any input. */
    private record CannedKey(String source, String stdin) {}

    private final Map<CannedKey, Judge0Result> canned = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<RecordedSubmission> submissions = new ConcurrentLinkedQueue<>();
    private final Faults faults = new Faults();
    private volatile boolean interpreter = true;

    /** On {@code 127.0.0.1} and an ephemeral port. */
    public FakeJudge0() {
        this("127.0.0.1", 0);
    }

    /**
     * @param host address to bind
     * @param port port, 0 for ephemeral
     */
    public FakeJudge0(String host, int port) {
        super("judge0", host, port);
    }

    @Override
    public FakeJudge0 start() {
        super.start();
        return this;
    }

    // ---- canned results and switches --------------------------------------------------------

    /** Answers {@code result} when exactly this source runs with exactly this stdin. */
    public FakeJudge0 register(String sourceCode, String stdin, Judge0Result result) {
        canned.put(new CannedKey(sourceCode, stdin), result);
        return this;
    }

    /** Answers an Accepted run printing {@code stdout} for this source and stdin. */
    public FakeJudge0 registerStdout(String sourceCode, String stdin, String stdout) {
        return register(sourceCode, stdin, Judge0Result.accepted(stdout));
    }

    /** Answers {@code result} for this source whatever the input (an exact (source, stdin) entry wins). */
    public FakeJudge0 registerForAnyInput(String sourceCode, Judge0Result result) {
        canned.put(new CannedKey(sourceCode, null), result);
        return this;
    }

    /** Forgets canned results. */
    public FakeJudge0 clearCanned() {
        canned.clear();
        return this;
    }

    /** Turns the built-in Python shapes on or off (on by default). */
    public FakeJudge0 interpreter(boolean on) {
        this.interpreter = on;
        return this;
    }

    /** Latency, 500 rate and hang switches. */
    public Faults faults() {
        return faults;
    }

    // ---- recordings -------------------------------------------------------------------------

    /** Every submission body received (valid or not), in arrival order. */
    public List<RecordedSubmission> submissions() {
        return List.copyOf(submissions);
    }

    /** Number of submissions received. */
    public int submissionCount() {
        return submissions.size();
    }

    /** Forgets recorded submissions. */
    public FakeJudge0 resetRecordings() {
        submissions.clear();
        return this;
    }

    // ---- HTTP -------------------------------------------------------------------------------

    @Override
    protected void handle(FakeExchange exchange) throws IOException, InterruptedException {
        if (!exchange.method().equals("POST") || !exchange.path().matches("/submissions/?")) {
            exchange.reply(404, Replies.error("Not found"));
            return;
        }
        Optional<JsonNode> body = exchange.bodyJson().filter(JsonNode::isObject);
        if (body.isEmpty()) {
            exchange.reply(400, Replies.error("Invalid JSON body"));
            return;
        }
        RecordedSubmission submission = RecordedSubmission.of(body.get());
        submissions.add(submission);
        faults.delay();
        if (faults.shouldFail()) {
            exchange.reply(500, Replies.error("Internal Server Error"));
        } else if (submission.languageId() == null) {
            exchange.reply(422, Replies.error("language_id can't be blank"));
        } else if (submission.sourceCode() == null) {
            exchange.reply(422, Replies.error("source_code can't be blank"));
        } else {
            exchange.reply(201, run(submission).toJson());
        }
    }

    private Judge0Result run(RecordedSubmission submission) {
        String stdin = submission.stdin() == null ? "" : submission.stdin();
        Judge0Result exact = canned.get(new CannedKey(submission.sourceCode(), stdin));
        if (exact != null) {
            return exact;
        }
        Judge0Result any = canned.get(new CannedKey(submission.sourceCode(), null));
        if (any != null) {
            return any;
        }
        if (interpreter && submission.languageId() == PythonShapes.PYTHON_3) {
            return PythonShapes.run(submission.sourceCode(), stdin).orElseGet(FakeJudge0::unknown);
        }
        return unknown();
    }

    private static Judge0Result unknown() {
        return Judge0Result.runtimeError(UNKNOWN_PROGRAM);
    }
}
