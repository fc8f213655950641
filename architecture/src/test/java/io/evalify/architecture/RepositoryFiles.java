package io.evalify.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The repository's own files, as git tracks them; a source tree without git is walked instead. */
final class RepositoryFiles {

    /** Build output, local runs and editor files: never part of the repository. */
    private static final Set<String> UNTRACKED_DIRECTORIES =
            Set.of(".git", "target", ".evalify", ".idea", ".run", "node_modules", "tmp", "secrets");

    private RepositoryFiles() {}

    /** The repository's root: the parent of this module's directory (Maven runs tests there). */
    static Path root() {
        var root = Path.of("").toAbsolutePath().getParent();
        if (!Files.isRegularFile(root.resolve("evalify")) || !Files.isRegularFile(root.resolve("pom.xml"))) {
            throw new IllegalStateException("Not the repository's root: " + root);
        }
        return root;
    }

    /** Every file of the repository, relative to its root. */
    static List<Path> all() {
        var root = root();
        var tracked = gitLsFiles(root);
        return tracked != null ? tracked : walk(root);
    }

    /** The file's text, or null when it is binary (a NUL byte) or gone (deleted but not yet committed). */
    static String text(Path relative) {
        var file = root().resolve(relative);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            for (byte b : bytes) {
                if (b == 0) {
                    return null;
                }
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> gitLsFiles(Path root) {
        try {
            var git = new ProcessBuilder("git", "ls-files", "-z")
                    .directory(root.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            var out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (git.waitFor() != 0 || out.isEmpty()) {
                return null;
            }
            return Stream.of(out.split("\0")).map(Path::of).toList();
        } catch (IOException e) {
            return null; // no git on this machine: walk the tree
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while listing the repository", e);
        }
    }

    private static List<Path> walk(Path root) {
        try (var files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(root::relativize)
                    .filter(path -> Stream.of(path.toString().split("/")).noneMatch(UNTRACKED_DIRECTORIES::contains))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
