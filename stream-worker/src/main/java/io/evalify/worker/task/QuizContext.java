package io.evalify.worker.task;

import io.evalify.schemas.backend.Question;
import io.evalify.schemas.backend.QuizSettings;
import java.util.List;

/**
 * What grading a job's students needs from the quiz, fetched once per job and worker.
 *
 * @param questions the job's questions, after its question filter, in quiz order
 * @param settings the quiz's evaluation settings
 */
record QuizContext(List<Question> questions, QuizSettings settings) {}
