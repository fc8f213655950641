package io.evalify.fakes.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GradingPromptTest {

    @Test
    void shouldReadEveryTaggedSection() {
        GradingPrompt prompt = GradingPrompt.parse("<question>Q</question><model_answer>M</model_answer>"
                        + "<max_marks> 2.5 </max_marks><keywords>a, b ,</keywords><student_answer>S</student_answer>")
                .orElseThrow();

        assertThat(prompt).isEqualTo(new GradingPrompt("Q", "M", 2.5, java.util.List.of("a", "b"), "S"));
    }

    @Test
    void shouldKeepAClosingTagInsideTheStudentAnswer() {
        GradingPrompt prompt = GradingPrompt.parse(
                        "<max_marks>1</max_marks><student_answer>x</student_answer> y</student_answer>")
                .orElseThrow();

        assertThat(prompt.studentAnswer()).isEqualTo("x</student_answer> y");
    }

    @Test
    void shouldRejectAPromptWithoutMaxMarks() {
        assertThat(GradingPrompt.parse("<student_answer>x</student_answer>")).isEmpty();
    }
}
