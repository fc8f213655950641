package io.evalify.fakes.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tagged sections of the grader's last user message: {@code <question>}, {@code <model_answer>},
 * {@code <max_marks>}, optional {@code <keywords>} and {@code <student_answer>}.
 *
 * @param question question text (may be empty)
 * @param modelAnswer the model answer (may be empty)
 * @param maxMarks marks for a full answer
 * @param keywords extra key terms, comma-separated in the prompt
 * @param studentAnswer the student's answer (may be empty)
 */
public record GradingPrompt(
        String question, String modelAnswer, double maxMarks, List<String> keywords, String studentAnswer) {

    /** Copies the keyword list. */
    public GradingPrompt {
        keywords = List.copyOf(keywords);
    }

    /** Parses a prompt; empty when {@code max_marks} or {@code student_answer} is missing or unreadable. */
    public static Optional<GradingPrompt> parse(String text) {
        Optional<String> marks = section(text, "max_marks", false);
        Optional<String> answer = section(text, "student_answer", true);
        if (marks.isEmpty() || answer.isEmpty()) {
            return Optional.empty();
        }
        try {
            double max = Double.parseDouble(marks.get().trim());
            return Optional.of(new GradingPrompt(
                    section(text, "question", false).orElse(""),
                    section(text, "model_answer", false).orElse(""),
                    max,
                    keywords(section(text, "keywords", false).orElse("")),
                    answer.get()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The text between {@code <tag>} and its closing tag. For the student answer the last closing tag is
     * used, so an answer that contains the closing tag itself cannot cut the section short.
     */
    static Optional<String> section(String text, String tag, boolean lastClose) {
        String open = "<" + tag + ">";
        String close = "</" + tag + ">";
        int start = text.indexOf(open);
        if (start < 0) {
            return Optional.empty();
        }
        start += open.length();
        int end = lastClose ? text.lastIndexOf(close) : text.indexOf(close, start);
        return end < start ? Optional.empty() : Optional.of(text.substring(start, end));
    }

    private static List<String> keywords(String csv) {
        List<String> words = new ArrayList<>();
        for (String word : csv.split(",")) {
            if (!word.isBlank()) {
                words.add(word.trim());
            }
        }
        return words;
    }
}
