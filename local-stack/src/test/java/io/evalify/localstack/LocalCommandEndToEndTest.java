package io.evalify.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.evalify.cli.CliRunner;
import io.evalify.cli.CliRunner.Result;
import io.evalify.cli.ExitCodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evalify local} end to end with the real Redis, the real KRaft broker and the real fakes, and a
 * small stub standing in for the API and worker jars (it checks the environment it is given and serves a
 * job that completes in ~2 s). Needs {@code kafka-local/target/lib} and the fakes jar (built earlier in
 * the reactor); skipped without them.
 */
class LocalCommandEndToEndTest {

    private final RepoLayout repo =
            new RepoLayout(Path.of("..").toAbsolutePath().normalize());

    @TempDir
    Path home;

    @BeforeEach
    void layOutAHomeWithStubApps() throws IOException {
        assumeTrue(Files.isDirectory(repo.kafkaLib()) && Files.isRegularFile(repo.fakesJar()), "artifacts not built");
        RepoLayout layout = new RepoLayout(home);
        link(layout.kafkaLib(), repo.kafkaLib());
        link(layout.kafkaLogConfig(), repo.kafkaLogConfig());
        link(layout.fakesJar(), repo.fakesJar());
        Path stub = buildStubJar();
        link(layout.apiJar(), stub);
        link(layout.workerJar(), stub);
    }

    @Test
    void shouldStartEverythingRunTheDemoJobAndLeaveNothingBehind() throws IOException {
        Result result = new CliRunner(Map.of(), home, LocalCommand::commandLine).run("--students", "20");

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out())
                .contains("redis     127.0.0.1:")
                .contains("api and worker healthy")
                .contains("20/20 100%")
                .contains("job job-1 COMPLETED")
                .contains("all local processes stopped")
                .doesNotContainPattern("local-[0-9a-f]{32}"); // the API key is masked
        assertThat(ports(result.out())).isNotEmpty().noneMatch(LocalCommandEndToEndTest::listening);
        assertThat(Files.list(home.resolve(".evalify/local"))
                        .findFirst()
                        .orElseThrow()
                        .resolve("logs"))
                .isDirectoryContaining("glob:**/kafka.log")
                .isDirectoryContaining("glob:**/api.log")
                .isDirectoryContaining("glob:**/worker.log");
    }

    private static List<Integer> ports(String out) {
        Matcher m = Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher(out);
        return m.results().map(r -> Integer.parseInt(r.group(1))).toList();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void link(Path link, Path target) throws IOException {
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, target);
    }

    /** Compiles {@code stub-apps/StubApp.java} from the test resources into an executable jar. */
    private Path buildStubJar() throws IOException {
        Path src = home.resolve("stub-src/StubApp.java");
        Files.createDirectories(src.getParent());
        try (InputStream in = getClass().getResourceAsStream("/stub-apps/StubApp.java")) {
            Files.copy(in, src);
        }
        int rc = ToolProvider.getSystemJavaCompiler()
                .run(null, null, null, "-d", src.getParent().toString(), src.toString());
        assertThat(rc).isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "StubApp");
        Path jar = home.resolve("stub-app.jar");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("StubApp.class"));
            out.write(Files.readAllBytes(src.resolveSibling("StubApp.class")));
            out.closeEntry();
        }
        return jar;
    }
}
