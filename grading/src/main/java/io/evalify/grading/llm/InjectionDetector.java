package io.evalify.grading.llm;

import io.evalify.grading.html.HtmlText;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Flags student text that addresses the grader instead of the question (OWASP LLM01, direct injection).
 * It only raises {@code injection_suspected} for human review; it never changes the score, since no
 * detector is reliable against adversarial attackers. Matching runs on normalised text (NFKC, lower case,
 * invisible and control characters removed, every run of whitespace one space, look-alike letters folded)
 * and on a letters-only copy that defeats spacing and punctuation tricks such as "i.g.n.o.r.e". Patterns are
 * kept narrow so that ordinary answers ("enzymes act as catalysts", "forget the chain rule") are not flagged.
 *
 * <p>Student text is hostile input, so every scan is linear in its length: because whitespace is collapsed
 * first, the patterns need no {@code \s+} and have no unbounded repetition of a group, nor a quantifier
 * over a quantifier (the old {@code ((all|the)\s+)*} overflowed the stack on "ignore the the ..." and took
 * 37 s on "ignore" and 50,000 spaces). {@link ScanBudget} bounds the reads of every scan anyway and stops
 * it on an interrupt; a scan over budget counts as suspicious. Callers cap answers first
 * ({@link io.evalify.grading.AnswerLimit}).
 */
public final class InjectionDetector {

    /** The flag added to a question whose answer looks like an injection attempt. */
    public static final String FLAG = "injection_suspected";

    // "ignore [all|the|...]{0,4} [previous|...] instructions": a bounded run of filler words, one space each.
    private static final String OVERRIDE =
            "\\b(?:ignore|disregard|forget|override|bypass) (?:(?:all|any|the|your|my|of|these|those) ){0,4}";

    /** Patterns over Latin text, run on the folded forms (folding maps look-alikes to Latin, nothing else). */
    private static final List<Pattern> LATIN = compile(
            OVERRIDE + "(?:(?:previous|prior|above|earlier|preceding|system|original|grading|marking|other) ?)?"
                    + "(?:instructions?|prompts?|rubric|marking scheme|model answer|guidelines|directions)\\b",
            OVERRIDE + "(?:previous|prior|above|earlier|grading|marking|system) rules\\b",
            "\\b(?:give|award|assign|grant)\\b.{0,30}\\b(?:full|maximum|max|perfect|all|top|highest|100 ?%) .{0,15}"
                    + "\\b(?:marks?|score|points?|credit|grade)\\b",
            "\\b(?:full|perfect) (?:marks?|score)\\b|\\bmaximum marks\\b",
            "\\byou (?:are|re|will be|must be) (?:now )?(?:the|a|an|my) "
                    + "(?:grader|examiner|teacher|evaluator|ai|bot|chatbot|professor|marker)\\b",
            "\\b(?:system|developer|hidden) (?:prompt|instructions?)\\b|\\bdeveloper message\\b",
            "\\bas an? (?:ai|language model|llm|large language model)\\b",
            "\\b(?:pretend (?:to be|you)|role ?-?play|you are dan|jailbreak|developer mode|do anything now)\\b",
            "\\bact as (?:an? |the |my )?(?:grader|examiner|teacher|evaluator|professor|ai|assistant|dan|marker)\\b",
            "\\b(?:dear|note to(?: the)?|hey|hello|hi|attention) (?:grader|examiner|evaluator|marker|ai|llm|chatgpt|gpt)\\b",
            "\\b(?:grader|evaluator|examiner|llm|chatgpt) ?[,:]",
            "^(?:system|assistant) ?:",
            "</? ?(?:student_answer|question|model_answer|max_marks|keywords|system|assistant|user|instructions?) ?>",
            "<\\|im_(?:start|end)\\|>|\\[/?inst\\]|<< ?/?sys ?>>|### ?(?:instruction|system)",
            "\"(?:score|marks?|grade|feedback|flags)\" ?:",
            "\\b([5-9]|[1-9]\\d{1,2}) ?/ ?\\1\\b|\\b(\\d{1,6}) out of \\2\\b",
            "\\b(?:this|my) answer (?:is|deserves|should (?:get|receive|be))\\b.{0,20}"
                    + "\\b(?:correct|full|perfect|maximum|100)",
            "\\b(?:new|updated|real|actual) instructions?\\b",
            "ignor(?:a|e|ez|iere|ieren) .{0,30}(?:instruc|anweisung|consigne|istruzion)",
            "(?:volle punktzahl|note maximale|puntuaci[oó]n m[aá]xima|punteggio massimo|nota m[aá]xima"
                    + "|pontua[cç][aã]o m[aá]xima)");

    /** Patterns over Cyrillic and CJK text, run on the forms as written (folding would break their letters). */
    private static final List<Pattern> NON_LATIN = compile(
            "(?:игнорир|проигнорир|забудь).{0,30}(?:инструкц|указан)|максимальн\\S{0,6} балл",
            "(?:忽略|无视|忽视).{0,10}(?:指令|指示|说明)|满分|滿分|(?:指示|命令)を無視|満点");

    private static final List<String> LETTER_RUNS = List.of(
            "ignorepreviousinstructions",
            "ignoreallpreviousinstructions",
            "ignoreallinstructions",
            "ignoretheaboveinstructions",
            "ignoreyourinstructions",
            "disregardpreviousinstructions",
            "givefullmarks",
            "givemefullmarks",
            "awardfullmarks",
            "fullmarks",
            "maximummarks",
            "youarethegrader",
            "perfectscore");

    /**
     * True when the answer looks addressed to the grader. Both the raw HTML (where comments can hide text
     * the model never sees) and its text are checked; Unicode tag characters, which have no use in an
     * answer but can smuggle invisible instructions, are suspicious by themselves, and so is a text crafted
     * to exhaust the scan ({@link ScanBudget}, {@link MatchingText}).
     */
    public boolean suspicious(String answer) {
        return scan(answer).suspicious();
    }

    /**
     * {@link #suspicious} with the number of characters its patterns read, which is linear in the answer's
     * length for every answer: the hostile-answer tests assert it, so a pattern that backtracks is caught by a
     * count, not by a clock.
     */
    public Scan scan(String answer) {
        if (answer == null || answer.isBlank()) {
            return new Scan(false, 0);
        }
        var reads = new Reads();
        try {
            return new Scan(
                    hasTagCharacters(answer) || matchesAnyForm(answer, HtmlText.of(answer), reads), reads.total);
        } catch (ScanBudget.Exhausted e) {
            return new Scan(true, reads.total);
        }
    }

    /**
     * What a scan found and what it cost.
     *
     * @param suspicious whether the answer looks addressed to the grader (or exhausted the scan)
     * @param charactersRead characters the patterns read, over every form of the answer
     */
    public record Scan(boolean suspicious, long charactersRead) {}

    /** The reads of one scan's patterns, summed over its forms. */
    private static final class Reads {
        private long total;
    }

    private static boolean hasTagCharacters(String text) {
        return text.codePoints().anyMatch(cp -> cp >= 0xE0000 && cp <= 0xE007F);
    }

    /**
     * Scans each distinct normalised form once: a plain-text answer has the same text as its HTML reading, so
     * most answers need one scan by the Latin patterns and one by the few non-Latin ones.
     */
    private static boolean matchesAnyForm(String raw, String text, Reads reads) {
        var plain = new LinkedHashSet<String>();
        var folded = new LinkedHashSet<String>();
        for (String form : List.of(raw, text)) {
            var forms = MatchingText.of(form);
            plain.add(forms.plain());
            folded.add(forms.folded());
        }
        return folded.stream().anyMatch(form -> matchesAny(LATIN, form, reads) || hasLetterRun(form))
                || plain.stream().anyMatch(form -> matchesAny(NON_LATIN, form, reads));
    }

    private static boolean matchesAny(List<Pattern> patterns, String text, Reads reads) {
        var budgeted = new ScanBudget(text, patterns.size());
        try {
            return patterns.stream()
                    .anyMatch(pattern -> pattern.matcher(budgeted).find());
        } finally {
            reads.total += budgeted.reads();
        }
    }

    private static boolean hasLetterRun(String folded) {
        StringBuilder letters = new StringBuilder(folded.length());
        folded.chars().filter(c -> c >= 'a' && c <= 'z').forEach(c -> letters.append((char) c));
        return LETTER_RUNS.stream().anyMatch(run -> letters.indexOf(run) >= 0);
    }

    /** Patterns are lower case and run on lower-cased text, so no (slow, Unicode) case-insensitive matching. */
    private static List<Pattern> compile(String... regexes) {
        return Arrays.stream(regexes).map(Pattern::compile).toList();
    }
}
