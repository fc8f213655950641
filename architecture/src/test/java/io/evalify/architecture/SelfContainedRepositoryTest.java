package io.evalify.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The repository stands alone: no file points a reader at notes outside it (a sibling {@code shared} directory,
 * its documents, or numbered sections of a reference they cannot open). What the code relies on is written in
 * our own docs instead ({@code docs/BACKEND-CONTRACT.md}, {@code docs/GRADING.md}).
 */
class SelfContainedRepositoryTest {

    /**
     * Pointers outside the repository. Assembled from pieces so that this file does not match itself; each
     * alternative is one way such a pointer was written before.
     */
    static final Pattern OUTSIDE_POINTER = Pattern.compile(
            String.join(
                    "|",
                    Pattern.quote("../" + "shared"),
                    "shared/" + "docs",
                    "stack" + "-notes",
                    "evalify" + "-reference",
                    "job-queue" + "-anchors",
                    "reference\\s*" + "\u00a7",
                    "\u00a7" + "\\s*\\d"),
            Pattern.CASE_INSENSITIVE);

    @Test
    void shouldPointAtNothingOutsideTheRepository() {
        List<String> hits = new ArrayList<>();
        for (Path file : RepositoryFiles.all()) {
            var text = RepositoryFiles.text(file);
            if (text != null) {
                hits.addAll(pointers(file, text));
            }
        }

        assertThat(hits)
                .as("write what the code relies on into our own docs instead of pointing outside the repository")
                .isEmpty();
    }

    @Test
    void shouldReadTheRepositoryItselfNotAnEmptyList() {
        assertThat(RepositoryFiles.all())
                .contains(Path.of("README.md"), Path.of("docs/ARCHITECTURE.md"), Path.of("docs/BACKEND-CONTRACT.md"));
    }

    @Test
    void shouldReportEveryWayAnOutsidePointerWasWritten() {
        var text = String.join(
                "\n",
                "see `../" + "shared/" + "docs/stack" + "-notes.md`",
                "The backend's routes (Reference " + "\u00a73.3).",
                "# docker-compose validates the file (stack" + "-notes.md).",
                "read evalify" + "-reference.md first",
                "as the old suite's case (" + "\u00a7" + "5.1 #2) shows",
                "our own words, docs/BACKEND-CONTRACT.md \u00a7 Save");

        assertThat(pointers(Path.of("example.md"), text))
                .containsExactly(
                        "example.md:1: see `../" + "shared/" + "docs/stack" + "-notes.md`",
                        "example.md:2: The backend's routes (Reference " + "\u00a73.3).",
                        "example.md:3: # docker-compose validates the file (stack" + "-notes.md).",
                        "example.md:4: read evalify" + "-reference.md first",
                        "example.md:5: as the old suite's case (" + "\u00a7" + "5.1 #2) shows");
    }

    /** {@code file:line: text} for each line of {@code text} that points outside the repository. */
    static List<String> pointers(Path file, String text) {
        var lines = text.split("\n", -1);
        List<String> hits = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (OUTSIDE_POINTER.matcher(lines[i]).find()) {
                hits.add(file + ":" + (i + 1) + ": " + lines[i].strip());
            }
        }
        return hits;
    }
}
