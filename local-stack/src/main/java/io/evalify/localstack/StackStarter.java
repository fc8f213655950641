package io.evalify.localstack;

import java.io.PrintWriter;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Brings a whole local stack up, in dependency order but overlapping where it can: Redis, the broker and
 * the fakes start together; the API and the worker start once those serve, and start together too.
 */
public final class StackStarter {

    private static final Duration INFRA_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration APP_TIMEOUT = Duration.ofSeconds(180);

    private final RepoLayout layout;
    private final LocalStack stack;
    private final FreePorts ports = new FreePorts();
    private final PrintWriter out;
    private final long startedNanos = System.nanoTime();

    /** Starts the stack's children from {@code layout} under {@code stack}. */
    public StackStarter(RepoLayout layout, LocalStack stack, PrintWriter out) {
        this.layout = layout;
        this.stack = stack;
        this.out = out;
    }

    /** Starts everything and returns once the API and the worker report healthy. */
    public Endpoints startAll(LocalSettings settings) {
        return startAll(settings, StackTuning.NONE);
    }

    /** As above, with {@code tuning} applied to the fakes and the worker. */
    public Endpoints startAll(LocalSettings settings, StackTuning tuning) {
        RedisBinary redisBinary = RedisBinary.choose();
        int redisPort = ports.next();
        ChildProcess redis = new RedisServer(stack).start(redisBinary, redisPort);
        String bootstrap = "127.0.0.1:" + ports.next();
        ChildProcess kafka = new KafkaBroker(layout, stack).start(port(bootstrap), ports.next());
        String fakesKey = randomKey("fake");
        FakeServices.Urls fakes = settings.needsFakes() ? startFakes(settings, fakesKey, tuning) : null;
        stack.awaitReady(redis, Probes.redisPing(redisPort), INFRA_TIMEOUT);
        stack.awaitReady(kafka, KafkaBroker.ready(bootstrap), INFRA_TIMEOUT);
        progress("redis and kafka ready");
        Endpoints endpoints = endpoints(settings, redisPort, bootstrap, fakes, fakesKey);
        startApps(endpoints, tuning);
        endpoints.print(out, redisBinary.describe());
        return endpoints;
    }

    /** The URL of each service: the external one when given, else the fake's. */
    private Endpoints endpoints(
            LocalSettings s, int redisPort, String bootstrap, FakeServices.Urls fakes, String fakesKey) {
        int apiPort = s.apiPort() == 0 ? ports.next() : s.apiPort();
        return new Endpoints(
                redisPort,
                bootstrap,
                s.backend() != null ? s.backend() : new LocalSettings.External(fakes.backendUrl(), fakesKey),
                s.llm() != null ? s.llm() : new LocalSettings.Llm(fakes.llmUrl(), fakesKey, null),
                s.judge0Url() != null ? s.judge0Url() : fakes.judge0Url(),
                "http://127.0.0.1:" + apiPort,
                "http://127.0.0.1:" + ports.next(),
                randomKey("local"));
    }

    private FakeServices.Urls startFakes(LocalSettings settings, String key, StackTuning tuning) {
        FakeServices.Demo demo = new FakeServices.Demo(key, settings.quizId(), settings.students());
        FakeServices.Urls urls = new FakeServices(layout, stack).startAndAwait(demo, tuning.fakesArgs(), INFRA_TIMEOUT);
        progress("fakes ready");
        return urls;
    }

    private void startApps(Endpoints e, StackTuning tuning) {
        SpringApps apps = new SpringApps(layout, stack);
        ChildProcess api = apps.startApi(e, port(e.apiUrl()), tuning);
        ChildProcess worker = apps.startWorker(e, port(e.workerUrl()), tuning);
        progress("api and worker starting (Spring Boot, this takes a while on 2 cores)");
        stack.awaitReady(api, Probes.http200(URI.create(e.apiUrl() + "/api/v1/health"), e.apiKey()), APP_TIMEOUT);
        stack.awaitReady(worker, Probes.actuatorUp(URI.create(e.workerUrl() + "/actuator/health")), APP_TIMEOUT);
        progress("api and worker healthy");
    }

    private void progress(String message) {
        out.printf(Locale.ROOT, "  ... %s (%.1f s)%n", message, (System.nanoTime() - startedNanos) / 1e9);
        out.flush();
    }

    private static int port(String hostPortOrUrl) {
        return Integer.parseInt(hostPortOrUrl.substring(hostPortOrUrl.lastIndexOf(':') + 1));
    }

    /** A fresh random key for this run only; never printed unmasked except on request. */
    static String randomKey(String prefix) {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return prefix + "-" + HexFormat.of().formatHex(bytes);
    }
}
