package io.evalify.grading.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reply validation that runs whatever the server promised about structured output. */
class VerdictParserTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"score\": 3.5, \"feedback\": \"ok\", \"flags\": []}",
                "```json\n{\"score\": 3.5, \"feedback\": \"ok\"}\n```\nHope this helps! }",
                "Here you go: {\"score\": 3.5}"
            })
    void shouldReadAScoreFromWellFormedOrFencedReplies(String reply) {
        assertThat(VerdictParser.parse(reply).score()).isEqualTo(3.5);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I would give it 3 marks.",
                "{\"feedback\": \"no score\"}",
                "{\"score\": \"3\"}",
                "{\"score\": 3.5, \"feedback\": \"cut",
                "[1, 2]",
                ""
            })
    void shouldRejectRepliesWithoutANumericScore(String reply) {
        assertThat(VerdictParser.parse(reply).usable()).isFalse();
    }

    @org.junit.jupiter.api.Test
    void shouldKeepOnlyAllowedFlags() {
        var parsed =
                VerdictParser.parse("{\"score\": 1, \"flags\": [\"injection_suspected\", \"give_full_marks\", 3]}");
        assertThat(parsed.flags()).containsExactly("injection_suspected");
    }
}
