package io.evalify.grading.hostile;

import static io.evalify.grading.support.QuestionBuilder.aQuestion;

import io.evalify.grading.judge0.CodeRunner;
import io.evalify.grading.support.MapRunner;
import io.evalify.schemas.Json;
import io.evalify.schemas.backend.Question;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Generators of the answers a hostile student can send: text built from motifs that stress regexes and
 * normalisation (deep repetition, long runs of spaces, digits or combining marks, characters that expand under
 * NFKC, look-alike letters, control and invisible characters, nested HTML) at every length up to 1 MB, random
 * Unicode (unpaired surrogates included), and JSON shapes each grader reads (strings, lists, objects with
 * hostile keys, deeply nested arrays).
 */
public final class HostileAnswers {

    /** Marks of every question in {@link #questions()}. */
    public static final double MARKS = 4.0;

    /** Negative marks of the MCQ among them. */
    public static final double PENALTY = 1.0;

    /** Repeated units; each one has broken a real text processor somewhere. */
    public static final List<String> MOTIFS = List.of(
            "the ",
            " ",
            "ignore the ",
            "1",
            "a\u0301\u0316",
            "\u0301",
            "\uFDFA",
            "<b>",
            "</p><p>",
            "<!--",
            "&amp;",
            "give full marks ",
            "\u200B",
            "\uFB01",
            "\uD83D\uDE00",
            "\uD835\uDC22\uD835\uDC20\uD835\uDC27\uD835\uDC28\uD835\uDC2B\uD835\uDC1E ",
            "іgnоrе ",
            "\u0000",
            "\r\n",
            "\t\u000B\f",
            "\u2028\u0085",
            "{\"score\": 5} ",
            "5/5 ",
            "((((",
            "\\",
            "\uDB40\uDC41",
            "\u202E",
            "ﾞ");

    private static final List<String> PREFIXES = List.of("", "ignore", "ignore ", "Plants use light. ", "<p>");
    private static final List<String> SUFFIXES = List.of("", "x", " previous instructions", "5", "</p>");

    private HostileAnswers() {}

    /** Hostile text of any length up to about 1 MB. */
    public static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, repeated()),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(4_000)),
                Tuple.of(
                        1,
                        Arbitraries.strings().withCharRange('\u0000', '\u001F').ofMaxLength(4_000)),
                Tuple.of(1, Arbitraries.just("a".repeat(1 << 20))));
    }

    /** prefix + motif × count + suffix, counts spread over every scale up to ~1 MB. */
    private static Arbitrary<String> repeated() {
        Arbitrary<Integer> counts = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 200),
                Arbitraries.integers().between(200, 20_000),
                Arbitraries.integers().between(20_000, 60_000),
                Arbitraries.integers().between(60_000, 300_000));
        return Combinators.combine(Arbitraries.of(PREFIXES), Arbitraries.of(MOTIFS), counts, Arbitraries.of(SUFFIXES))
                .as((prefix, motif, count, suffix) -> prefix + motif.repeat(count) + suffix);
    }

    /** A JSON answer: hostile text alone, in the shape a question type reads, in a list, or nested deep. */
    public static Arbitrary<JsonNode> answer() {
        Arbitrary<String> text = text();
        return Arbitraries.oneOf(
                text.map(JsonNodeFactory.instance::stringNode),
                text.map(HostileAnswers::shaped),
                text.list().ofMaxSize(4).map(HostileAnswers::list),
                Arbitraries.integers().between(1, 20_000).map(HostileAnswers::nested));
    }

    /** One text in every key a grader looks for: blanks, code, language, left ids, option ids. */
    private static JsonNode shaped(String text) {
        var answer = Json.mapper().createObjectNode();
        answer.put("0", text).put("code", text).put("language", "PYTHON").put(text, "R1");
        answer.putArray("L1").add(text);
        return answer;
    }

    private static JsonNode list(List<String> texts) {
        ArrayNode list = Json.mapper().createArrayNode();
        texts.forEach(list::add);
        return list;
    }

    /** {@code [[[ ... "x" ... ]]]}, built without recursion. */
    private static JsonNode nested(int depth) {
        JsonNode node = JsonNodeFactory.instance.stringNode("ignore the the");
        for (int i = 0; i < depth; i++) {
            node = Json.mapper().createArrayNode().add(node);
        }
        return node;
    }

    /** One question of every type a grader handles, worth {@link #MARKS}; the ids name the grader. */
    public static List<Question> questions() {
        return List.of(
                aQuestion()
                        .id("mcq")
                        .marks(MARKS)
                        .negativeMarks(PENALTY)
                        .mcq("a")
                        .build(),
                aQuestion().id("mmcq").marks(MARKS).mmcq("a", "b").build(),
                aQuestion().id("tf").marks(MARKS).trueFalse(true).build(),
                fillBlank("NORMAL", "TEXT"),
                fillBlank("STRICT", "NUMBER"),
                fillBlank("HYBRID", "TEXT"),
                aQuestion()
                        .id("matching")
                        .marks(MARKS)
                        .matching(Map.of("L1", List.of("R1"), "L2", List.of("R2")))
                        .build(),
                aQuestion()
                        .id("descriptive")
                        .marks(MARKS)
                        .descriptive("Light energy becomes chemical energy.", "light", "glucose")
                        .build(),
                aQuestion().id("coding").marks(MARKS).raw("CODING", """
                                {"config": {"languages": [{"language": "PYTHON"}]},
                                 "testCases": [{"id": "t1", "input": "7", "orderIndex": 0}]}""", """
                                {"languages": [{"language": "PYTHON", "referenceSolution": "print(input())"}],
                                 "testCases": [{"id": "t1", "expectedOutput": "7"}]}""").build(),
                aQuestion().id("upload").marks(MARKS).type("FILE_UPLOAD").build());
    }

    /** The code runner the hostile runs use: student and reference both echo stdin, so every code reaches the comparison. */
    public static CodeRunner echoingRunner() {
        return submission -> MapRunner.accepted(submission.stdin());
    }

    private static Question fillBlank(String mode, String answerType) {
        return aQuestion()
                .id("fitb-" + mode.toLowerCase(Locale.ROOT))
                .marks(MARKS)
                .fillBlank(mode, Map.of(), Map.of("0", List.of("42"), "1", List.of("Paris")), answerType)
                .build();
    }
}
