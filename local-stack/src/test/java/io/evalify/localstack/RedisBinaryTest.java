package io.evalify.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisBinaryTest {

    @Test
    void shouldPreferTheRedisServerOnThePath() {
        RedisBinary chosen = RedisBinary.choose(
                "/opt/none:/usr/bin", "Linux", "amd64", p -> p.equals(Path.of("/usr/bin/redis-server")));

        assertThat(chosen).isEqualTo(new RedisBinary.OnPath(Path.of("/usr/bin/redis-server")));
    }

    @Test
    void shouldFallBackToTheBundledBinaryForThisPlatform() {
        assertThat(RedisBinary.choose("/usr/bin", "Linux", "amd64", p -> false))
                .isEqualTo(new RedisBinary.Bundled("redis-server-6.2.6-v5-linux-amd64"));
        assertThat(RedisBinary.choose(null, "Linux", "aarch64", p -> false))
                .isEqualTo(new RedisBinary.Bundled("redis-server-6.2.7-linux-arm64"));
        assertThat(RedisBinary.choose("", "Mac OS X", "aarch64", p -> false))
                .isEqualTo(new RedisBinary.Bundled("redis-server-6.2.6-v5-darwin-arm64"));
    }

    @Test
    void shouldFailClearlyWhenThereIsNeither() {
        assertThatThrownBy(() -> RedisBinary.choose("/usr/bin", "Windows 11", "amd64", p -> false))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("no redis-server on PATH");
    }

    @Test
    void theBundledBinaryShouldBeOnTheClassPathAndExtractAsAnExecutable(@TempDir Path dir) {
        Path binary = new RedisBinary.Bundled("redis-server-6.2.6-v5-linux-amd64").materialize(dir);

        assertThat(binary).isRegularFile();
        assertThat(Files.isExecutable(binary)).isTrue();
    }
}
