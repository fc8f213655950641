package io.evalify.grading.llm;

import io.evalify.grading.html.HtmlText;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Flags student text that addresses the grader instead of the question (OWASP LLM01, direct injection).
 * It only raises {@code injection_suspected} for human review; it never changes the score, since no
 * detector is reliable against adaptive attackers. Matching runs on normalised text (NFKC, lower case,
 * invisible characters removed, look-alike letters folded) and on a letters-only copy that defeats
 * spacing and punctuation tricks such as "i.g.n.o.r.e". Patterns are kept narrow so that ordinary
 * answers ("enzymes act as catalysts", "forget the chain rule") are not flagged.
 */
public final class InjectionDetector {

    /** The flag added to a question whose answer looks like an injection attempt. */
    public static final String FLAG = "injection_suspected";

    private static final String OVERRIDE =
            "\\b(ignore|disregard|forget|override|bypass)\\s+((all|any|the|your|my|of|these|those)\\s+)*";

    private static final List<Pattern> PATTERNS = compile(
            OVERRIDE + "(previous|prior|above|earlier|preceding|system|original|grading|marking|other)?\\s*"
                    + "(instructions?|prompts?|rubric|marking scheme|model answer|guidelines|directions)\\b",
            OVERRIDE + "(previous|prior|above|earlier|grading|marking|system)\\s+rules\\b",
            "\\b(give|award|assign|grant)\\b.{0,30}\\b(full|maximum|max|perfect|all|top|highest|100 ?%)\\s.{0,15}\\b(marks?|score|points?|credit|grade)\\b",
            "\\b(full|perfect)\\s+(marks?|score)\\b|\\bmaximum marks\\b",
            "\\byou\\s+(are|re|will be|must be)\\s+(now\\s+)?(the|a|an|my)\\s+(grader|examiner|teacher|evaluator|ai|bot|chatbot|professor|marker)\\b",
            "\\b(system|developer|hidden)\\s+(prompt|instructions?)\\b|\\bdeveloper message\\b",
            "\\bas an? (ai|language model|llm|large language model)\\b",
            "\\b(pretend (to be|you)|role ?-?play|you are dan|jailbreak|developer mode|do anything now)\\b",
            "\\bact as (an? |the |my )?(grader|examiner|teacher|evaluator|professor|ai|assistant|dan|marker)\\b",
            "\\b(dear|note to( the)?|hey|hello|hi|attention)\\s+(grader|examiner|evaluator|marker|ai|llm|chatgpt|gpt)\\b",
            "\\b(grader|evaluator|examiner|llm|chatgpt)\\s*[,:]",
            "^\\s*(system|assistant)\\s*:",
            "</?\\s*(student_answer|question|model_answer|max_marks|keywords|system|assistant|user|instructions?)\\s*>",
            "<\\|im_(start|end)\\|>|\\[/?inst\\]|<<\\s*/?sys\\s*>>|###\\s*(instruction|system)",
            "\"(score|marks?|grade|feedback|flags)\"\\s*:",
            "\\b([5-9]|[1-9]\\d{1,2})\\s*/\\s*\\1\\b|\\b(\\d+)\\s+out of\\s+\\3\\b",
            "\\b(this|my) answer (is|deserves|should (get|receive|be))\\b.{0,20}\\b(correct|full|perfect|maximum|100)",
            "\\b(new|updated|real|actual) instructions?\\b",
            "ignor(a|e|ez|iere|ieren)\\s.{0,30}(instruc|anweisung|consigne|istruzion)",
            "(volle punktzahl|note maximale|puntuaci[oó]n m[aá]xima|punteggio massimo|nota m[aá]xima|pontua[cç][aã]o m[aá]xima)",
            "(игнорир|проигнорир|забудь).{0,30}(инструкц|указан)|максимальн\\S* балл",
            "(忽略|无视|忽视).{0,10}(指令|指示|说明)|满分|滿分|(指示|命令)を無視|満点");

    private static final Pattern NOT_LETTER = Pattern.compile("[^a-z]");

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
     * answer but can smuggle invisible instructions, are suspicious by themselves.
     */
    public boolean suspicious(String answer) {
        if (answer == null || answer.isBlank()) {
            return false;
        }
        return hasTagCharacters(answer) || matchesAnyForm(answer, HtmlText.of(answer));
    }

    private static boolean hasTagCharacters(String text) {
        return text.codePoints().anyMatch(cp -> cp >= 0xE0000 && cp <= 0xE007F);
    }

    /**
     * Scans each distinct normalised form once: a plain-text answer has the same text as its HTML reading, and
     * an answer without look-alikes or runs of spaces folds to its plain form, so most answers need one scan
     * (each scan runs every pattern over the whole text: ~0.2 ms for a 400-character answer).
     */
    private static boolean matchesAnyForm(String raw, String text) {
        var plain = new LinkedHashSet<String>();
        var folded = new LinkedHashSet<String>();
        for (String form : List.of(raw, text)) {
            plain.add(Normalizer.normalize(PromptText.stripInvisible(form), Normalizer.Form.NFKC)
                    .toLowerCase(Locale.ROOT));
            folded.add(PromptText.forMatching(form));
        }
        var all = new LinkedHashSet<>(plain);
        all.addAll(folded);
        return all.stream().anyMatch(InjectionDetector::matchesAny)
                || folded.stream().anyMatch(InjectionDetector::hasLetterRun);
    }

    private static boolean matchesAny(String text) {
        return PATTERNS.stream().anyMatch(pattern -> pattern.matcher(text).find());
    }

    private static boolean hasLetterRun(String folded) {
        String letters = NOT_LETTER.matcher(folded).replaceAll("");
        return LETTER_RUNS.stream().anyMatch(letters::contains);
    }

    /** Patterns are lower case and run on lower-cased text, so no (slow, Unicode) case-insensitive matching. */
    private static List<Pattern> compile(String... regexes) {
        return Arrays.stream(regexes).map(Pattern::compile).toList();
    }
}
