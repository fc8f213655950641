package io.evalify.fakes.backend;

import io.evalify.schemas.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One small builder per question type: the type data and solution (unwrapped; shapes in docs/GRADING.md) and a way
 * to answer it at a given {@link AnswerQuality}. Shapes follow the sample fixture.
 */
final class QuestionTemplates {

    /** A generated question before it is wrapped into a backend row. */
    record Template(String type, double marks, String html, ObjectNode data, ObjectNode solution, Answerer answerer) {}

    /** Produces the {@code studentAnswer} value for one quality. */
    @FunctionalInterface
    interface Answerer {
        JsonNode answer(AnswerQuality quality, Random random);
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final String[][] BLANKS = {
        {"<p>___ is the capital of ___.</p>", "Paris", "France"},
        {"<p>Water boils at ___ degrees ___.</p>", "100", "Celsius"},
        {"<p>The ___ orbits the ___.</p>", "Moon", "Earth"},
    };

    private static final String[][] PAIRS = {{"Dog", "Bark"}, {"Cat", "Meow"}, {"Cow", "Moo"}};

    /** question, model answer, keywords, partial answer, wrong answer. */
    private static final String[][] ESSAYS = {
        {
            "<p>Explain photosynthesis.</p>",
            "Photosynthesis converts light energy into chemical energy stored in glucose.",
            "light, glucose",
            "<p>Plants use light to grow.</p>",
            "<p>Animals eat food.</p>"
        },
        {
            "<p>Why does ice float on water?</p>",
            "Ice is less dense than liquid water because hydrogen bonds hold its molecules in an open lattice.",
            "dense, hydrogen, lattice",
            "<p>Ice is less dense than water.</p>",
            "<p>Because it is cold.</p>"
        },
        {
            "<p>What does a compiler do?</p>",
            "A compiler translates source code written in a high level language into machine code before execution.",
            "translates, machine, code",
            "<p>It translates code.</p>",
            "<p>It runs the computer.</p>"
        },
    };

    private QuestionTemplates() {}

    static Template create(String type, int index, Random random) {
        return switch (type) {
            case "MCQ" -> mcq(index, random);
            case "MMCQ" -> mmcq(index, random);
            case "TRUE_FALSE" -> trueFalse(index, random);
            case "FILL_THE_BLANK" -> fillTheBlank(index, random);
            case "MATCHING" -> matching(index);
            case "DESCRIPTIVE" -> descriptive(index, random);
            case "CODING" -> coding(index, random);
            default -> throw new IllegalArgumentException("unsupported type " + type);
        };
    }

    private static Template mcq(int index, Random random) {
        int correct = 1 + random.nextInt(4);
        ObjectNode data = options(4);
        ObjectNode solution = correctOptions(List.of(correct));
        Answerer answerer = (quality, r) ->
                NODES.stringNode("o" + (quality == AnswerQuality.CORRECT ? correct : otherThan(correct, 4, r)));
        return new Template(
                "MCQ", 1 + random.nextInt(2), "<p>Generated MCQ " + index + "</p>", data, solution, answerer);
    }

    private static Template mmcq(int index, Random random) {
        List<Integer> ids = shuffled(5, random);
        List<Integer> correct = List.copyOf(ids.subList(0, 2 + random.nextInt(2)));
        int wrongId = ids.getLast();
        Answerer answerer = (quality, r) -> {
            ArrayNode picked = NODES.arrayNode();
            switch (quality) {
                case CORRECT -> shuffledCopy(correct, r).forEach(id -> picked.add("o" + id));
                case PARTIAL -> picked.add("o" + correct.getFirst());
                default -> picked.add("o" + correct.getFirst()).add("o" + wrongId);
            }
            return picked;
        };
        return new Template(
                "MMCQ", 4, "<p>Generated MMCQ " + index + "</p>", options(5), correctOptions(correct), answerer);
    }

    private static Template trueFalse(int index, Random random) {
        boolean truth = random.nextBoolean();
        ObjectNode solution = Json.mapper().createObjectNode().put("trueFalseAnswer", truth);
        Answerer answerer = (quality, r) -> {
            boolean said = quality == AnswerQuality.CORRECT ? truth : !truth;
            return NODES.stringNode(said ? "True" : "False");
        };
        return new Template(
                "TRUE_FALSE",
                1,
                "<p>Generated statement " + index + "</p>",
                Json.mapper().createObjectNode(),
                solution,
                answerer);
    }

    private static Template fillTheBlank(int index, Random random) {
        String[] row = BLANKS[random.nextInt(BLANKS.length)];
        ObjectNode data = Json.mapper().createObjectNode();
        ObjectNode config = data.putObject("config").put("blankCount", 2).put("evaluationType", "NORMAL");
        config.putObject("blankWeights").put("0", 1).put("1", 1);
        ObjectNode solution = Json.mapper().createObjectNode();
        ObjectNode acceptable = solution.putObject("acceptableAnswers");
        for (int blank = 0; blank < 2; blank++) {
            ObjectNode entry = acceptable.putObject(String.valueOf(blank)).put("type", "TEXT");
            entry.putArray("answers").add(row[blank + 1]);
        }
        Answerer answerer = (quality, r) -> {
            ObjectNode answer = NODES.objectNode();
            answer.put("0", quality == AnswerQuality.WRONG ? "xyz" : row[1].toLowerCase(java.util.Locale.ROOT));
            answer.put("1", quality == AnswerQuality.CORRECT ? " " + row[2] : "abc");
            return answer;
        };
        return new Template("FILL_THE_BLANK", 2, row[0], data, solution, answerer);
    }

    private static Template matching(int index) {
        ObjectNode data = Json.mapper().createObjectNode();
        ArrayNode options = data.putArray("options");
        ObjectNode solution = Json.mapper().createObjectNode();
        ArrayNode pairs = solution.putArray("options");
        for (int i = 0; i < PAIRS.length; i++) {
            options.addObject()
                    .put("id", "L" + (i + 1))
                    .put("isLeft", true)
                    .put("text", PAIRS[i][0])
                    .put("orderIndex", i);
            pairs.addObject().put("id", "L" + (i + 1)).putArray("matchPairIds").add("R" + (i + 1));
        }
        for (int i = 0; i <= PAIRS.length; i++) {
            String text = i < PAIRS.length ? PAIRS[i][1] : "Quack";
            options.addObject()
                    .put("id", "R" + (i + 1))
                    .put("isLeft", false)
                    .put("text", text)
                    .put("orderIndex", i);
            pairs.addObject().put("id", "R" + (i + 1)).putArray("matchPairIds");
        }
        Answerer answerer = (quality, r) -> {
            ObjectNode answer = NODES.objectNode();
            for (int i = 1; i <= PAIRS.length; i++) {
                int right = switch (quality) {
                    case CORRECT -> i;
                    case PARTIAL -> i == 1 ? 1 : 5 - i; // L1 right, L2/L3 swapped
                    default -> i % PAIRS.length + 1; // everything shifted by one
                };
                answer.putArray("L" + i).add("R" + right);
            }
            return answer;
        };
        return new Template("MATCHING", 3, "<p>Generated matching " + index + "</p>", data, solution, answerer);
    }

    private static Template descriptive(int index, Random random) {
        String[] essay = ESSAYS[random.nextInt(ESSAYS.length)];
        ObjectNode data = Json.mapper().createObjectNode();
        data.putObject("config").put("minWords", 5).put("maxWords", 200);
        ObjectNode solution = Json.mapper().createObjectNode().put("modelAnswer", essay[1]);
        ArrayNode keywords = solution.putArray("keywords");
        for (String keyword : essay[2].split(",\\s*")) {
            keywords.add(keyword);
        }
        Answerer answerer = (quality, r) -> NODES.stringNode(
                switch (quality) {
                    case CORRECT -> "<p>" + essay[1] + "</p>";
                    case PARTIAL -> essay[3];
                    default -> essay[4];
                });
        return new Template("DESCRIPTIVE", 5, essay[0], data, solution, answerer);
    }

    private static Template coding(int index, Random random) {
        // First input starts with 2 so the "x==2" program passes exactly one case (a partial answer).
        String first = "2 " + (1 + random.nextInt(50));
        int x = 3 + random.nextInt(50);
        int y = 1 + random.nextInt(50);
        String second = x + " " + y;
        ObjectNode data = Json.mapper().createObjectNode();
        ObjectNode config = data.putObject("config").put("timeLimitMs", 2000).put("memoryLimitMb", 128);
        config.putArray("languages")
                .addObject()
                .put("language", "PYTHON")
                .putNull("boilerplateCode")
                .putNull("driverCode");
        ArrayNode cases = data.putArray("testCases");
        cases.addObject()
                .put("id", "t1")
                .put("input", first)
                .put("visibility", "VISIBLE")
                .put("marksWeightage", 4)
                .put("orderIndex", 0);
        cases.addObject()
                .put("id", "t2")
                .put("input", second)
                .put("visibility", "HIDDEN")
                .put("marksWeightage", 6)
                .put("orderIndex", 1);
        ObjectNode solution = Json.mapper().createObjectNode();
        solution.putArray("languages")
                .addObject()
                .put("language", "PYTHON")
                .put("referenceSolution", SampleFixture.REFERENCE_SOLUTION);
        ArrayNode expected = solution.putArray("testCases");
        expected.addObject()
                .put("id", "t1")
                .put("expectedOutput", String.valueOf(2 + Integer.parseInt(first.substring(2))));
        expected.addObject().put("id", "t2").put("expectedOutput", String.valueOf(x + y));
        Answerer answerer = (quality, r) -> NODES.objectNode()
                .put(
                        "code",
                        switch (quality) {
                            case CORRECT -> SampleFixture.STUDENT_A_CODE;
                            case PARTIAL -> SampleFixture.STUDENT_B_CODE;
                            default -> "x,y=map(int,input().split())\nprint(x-y)";
                        })
                .put("language", "PYTHON");
        return new Template(
                "CODING",
                10,
                "<p>Generated coding " + index + ": read two ints, print their sum.</p>",
                data,
                solution,
                answerer);
    }

    private static ObjectNode options(int count) {
        ObjectNode data = Json.mapper().createObjectNode();
        ArrayNode options = data.putArray("options");
        for (int i = 1; i <= count; i++) {
            options.addObject()
                    .put("id", "o" + i)
                    .put("optionText", "Option " + i)
                    .put("orderIndex", i - 1);
        }
        return data;
    }

    private static ObjectNode correctOptions(List<Integer> ids) {
        ObjectNode solution = Json.mapper().createObjectNode();
        ArrayNode correct = solution.putArray("correctOptions");
        ids.forEach(id -> correct.addObject().put("id", "o" + id).put("isCorrect", true));
        return solution;
    }

    private static int otherThan(int excluded, int count, Random random) {
        int pick = 1 + random.nextInt(count - 1);
        return pick >= excluded ? pick + 1 : pick;
    }

    private static List<Integer> shuffled(int count, Random random) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(i);
        }
        Collections.shuffle(ids, random);
        return ids;
    }

    private static List<Integer> shuffledCopy(List<Integer> ids, Random random) {
        List<Integer> copy = new ArrayList<>(ids);
        Collections.shuffle(copy, random);
        return copy;
    }
}
