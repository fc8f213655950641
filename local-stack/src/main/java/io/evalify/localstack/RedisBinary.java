package io.evalify.localstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which {@code redis-server} to run: the one on PATH when there is one (the machine's own, e.g. Debian's
 * 7.0), else the binary bundled in the {@code embedded-redis} jar for this OS and CPU (6.2.x).
 */
public sealed interface RedisBinary {

    /** The executable, extracting a bundled one into {@code binDir} first. */
    Path materialize(Path binDir);

    /** A short description for the startup summary. */
    String describe();

    /** Chooses for this machine. */
    static RedisBinary choose() {
        return choose(
                System.getenv("PATH"),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                Files::isExecutable);
    }

    /** Chooses from the given PATH, OS and CPU; {@code executable} tells whether a path can be run. */
    static RedisBinary choose(String pathEnv, String osName, String osArch, Predicate<Path> executable) {
        Optional<Path> onPath = findOnPath(pathEnv, executable);
        if (onPath.isPresent()) {
            return new OnPath(onPath.get());
        }
        return bundledResource(osName, osArch)
                .<RedisBinary>map(Bundled::new)
                .orElseThrow(() -> StackException.startFailed("no redis-server on PATH and no bundled binary for "
                        + osName + "/" + osArch + "; install redis-server (apt-get install redis-server)"));
    }

    /** The bundled binary's resource name for an OS and CPU, as named inside embedded-redis 1.4.4. */
    static Optional<String> bundledResource(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        if (os.contains("linux")) {
            return x64
                    ? Optional.of("redis-server-6.2.6-v5-linux-amd64")
                    : arm64
                            ? Optional.of("redis-server-6.2.7-linux-arm64")
                            : arch.matches("i[3-6]86|x86")
                                    ? Optional.of("redis-server-6.2.7-linux-386")
                                    : Optional.empty();
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return x64
                    ? Optional.of("redis-server-6.2.6-v5-darwin-amd64")
                    : arm64 ? Optional.of("redis-server-6.2.6-v5-darwin-arm64") : Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Path> findOnPath(String pathEnv, Predicate<Path> executable) {
        if (pathEnv == null) {
            return Optional.empty();
        }
        return Arrays.stream(pathEnv.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "redis-server"))
                .filter(executable)
                .findFirst();
    }

    /** A redis-server found on PATH. */
    record OnPath(Path path) implements RedisBinary {
        @Override
        public Path materialize(Path binDir) {
            return path;
        }

        @Override
        public String describe() {
            return path.toString();
        }
    }

    /** A redis-server bundled as a class-path resource. */
    record Bundled(String resource) implements RedisBinary {
        @Override
        public Path materialize(Path binDir) {
            Path target = binDir.resolve("redis-server");
            try (InputStream in = RedisBinary.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw StackException.startFailed("bundled " + resource + " missing from the class path");
                }
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                return target;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot extract " + resource, e);
            }
        }

        @Override
        public String describe() {
            return "bundled " + resource;
        }
    }
}
