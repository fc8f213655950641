package io.evalify.grading.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.schemas.result.QuestionOutcome;
import io.evalify.schemas.result.QuestionStatus;
import org.assertj.core.api.AbstractAssert;

/** {@code assertThatOutcome(outcome).isEvaluated(2.0, "Correct")}. */
public final class OutcomeAssert extends AbstractAssert<OutcomeAssert, QuestionOutcome> {

    private OutcomeAssert(QuestionOutcome actual) {
        super(actual, OutcomeAssert.class);
    }

    public static OutcomeAssert assertThatOutcome(QuestionOutcome actual) {
        return new OutcomeAssert(actual);
    }

    /** EVALUATED with this mark and remarks. */
    public OutcomeAssert isEvaluated(double mark, String remarks) {
        isNotNull();
        assertThat(actual.evaluationStatus()).as("evaluation status").isEqualTo(QuestionStatus.EVALUATED);
        assertThat(actual.mark()).as("mark").isEqualTo(mark);
        assertThat(actual.remarks()).as("remarks").isEqualTo(remarks);
        return this;
    }

    /** ERROR with 0 marks and an error message containing the text. */
    public OutcomeAssert isErrorContaining(String text) {
        isNotNull();
        assertThat(actual.evaluationStatus()).as("evaluation status").isEqualTo(QuestionStatus.ERROR);
        assertThat(actual.mark()).as("mark").isZero();
        assertThat(actual.errorMessage()).as("error message").contains(text);
        return this;
    }

    /** NOT_EVALUATED with 0 marks and these remarks. */
    public OutcomeAssert isNotEvaluated(String remarks) {
        isNotNull();
        assertThat(actual.evaluationStatus()).as("evaluation status").isEqualTo(QuestionStatus.NOT_EVALUATED);
        assertThat(actual.status()).isEqualTo("UNEVALUATED");
        assertThat(actual.mark()).as("mark").isZero();
        assertThat(actual.remarks()).as("remarks").isEqualTo(remarks);
        return this;
    }

    /** "No answer provided", 0, EVALUATED. */
    public OutcomeAssert isNoAnswer() {
        return isEvaluated(0.0, "No answer provided");
    }

    public OutcomeAssert hasFlag(String flag) {
        assertThat(actual.flags()).as("flags").contains(flag);
        return this;
    }
}
