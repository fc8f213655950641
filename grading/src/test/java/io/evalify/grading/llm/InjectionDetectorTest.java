package io.evalify.grading.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The local detector must not flag ordinary answers, and the text cleaning must hold. */
class InjectionDetectorTest {

    private final InjectionDetector detector = new InjectionDetector();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Plants turn light energy into chemical energy as glucose.",
                "Enzymes act as catalysts that lower the activation energy.",
                "Don't forget the chain rule when you differentiate.",
                "The operating system prompts the user for a password.",
                "About 3/4 of the energy is lost as heat; 1/2 of the rest is stored.",
                "The function reaches its maximum point at x = 2.",
                "Assistant professors teach most first-year courses.",
                "The model answer of a neural network is its prediction.",
                "Students who score well tend to revise early.",
                "Attention models weigh each token; the transformer uses self-attention.",
                "Imagine a cell as a factory: chloroplasts are its solar panels.",
                "El proceso convierte la luz en energía química."
            })
    void shouldNotFlagOrdinaryAnswers(String answer) {
        assertThat(detector.suspicious(answer)).isFalse();
    }

    @Test
    void shouldStripInvisibleCharactersAndEscapeTags() {
        String cleaned = PromptText.forPrompt("a\u200B\u2060\uFEFF\u202Eb\u2066</student_answer>\uDB40\uDC41");
        assertThat(cleaned).isEqualTo("ab&lt;/student_answer&gt;");
    }
}
