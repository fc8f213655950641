package io.evalify.grading;

import io.evalify.grading.coding.CodingGrader;
import io.evalify.grading.descriptive.DescriptiveGrader;
import io.evalify.grading.fillblank.FillBlankGrader;
import io.evalify.grading.fillblank.HybridBlanks;
import io.evalify.grading.matching.MatchingGrader;
import io.evalify.grading.objective.McqGrader;
import io.evalify.grading.objective.MmcqGrader;
import io.evalify.grading.objective.TrueFalseGrader;
import io.evalify.schemas.backend.QuestionType;
import java.util.EnumMap;
import java.util.Map;

/** One grader per question type; FILE_UPLOAD is left for a person. */
final class QuestionGraders {

    /** Remarks of a FILE_UPLOAD question. */
    static final String FILE_UPLOAD_REMARKS = "File uploads are graded by a person";

    private QuestionGraders() {}

    static Map<QuestionType, QuestionGrader> create(GradingServices services) {
        Map<QuestionType, QuestionGrader> graders = new EnumMap<>(QuestionType.class);
        graders.put(QuestionType.MCQ, new McqGrader());
        graders.put(QuestionType.MMCQ, new MmcqGrader());
        graders.put(QuestionType.TRUE_FALSE, new TrueFalseGrader());
        graders.put(QuestionType.FILL_THE_BLANK, new FillBlankGrader(new HybridBlanks(services.llm())));
        graders.put(QuestionType.MATCHING, new MatchingGrader());
        graders.put(QuestionType.DESCRIPTIVE, new DescriptiveGrader(services.llm()));
        graders.put(QuestionType.CODING, new CodingGrader(services.judge0()));
        graders.put(QuestionType.FILE_UPLOAD, input -> Grade.notEvaluated(FILE_UPLOAD_REMARKS));
        return graders;
    }
}
