package io.evalify.grading.llm;

import java.util.Map;

/** Folds the Cyrillic and Greek letters most used to disguise Latin words ("ignоre" with a Cyrillic o). */
final class Confusables {

    private static final Map<Character, Character> LATIN = Map.ofEntries(
            Map.entry('а', 'a'),
            Map.entry('е', 'e'),
            Map.entry('о', 'o'),
            Map.entry('р', 'p'),
            Map.entry('с', 'c'),
            Map.entry('у', 'y'),
            Map.entry('х', 'x'),
            Map.entry('і', 'i'),
            Map.entry('ј', 'j'),
            Map.entry('ѕ', 's'),
            Map.entry('ԁ', 'd'),
            Map.entry('ɡ', 'g'),
            Map.entry('А', 'A'),
            Map.entry('Е', 'E'),
            Map.entry('О', 'O'),
            Map.entry('Р', 'P'),
            Map.entry('С', 'C'),
            Map.entry('Т', 'T'),
            Map.entry('Н', 'H'),
            Map.entry('К', 'K'),
            Map.entry('М', 'M'),
            Map.entry('В', 'B'),
            Map.entry('Х', 'X'),
            Map.entry('І', 'I'),
            Map.entry('ο', 'o'),
            Map.entry('α', 'a'),
            Map.entry('ι', 'i'),
            Map.entry('ν', 'v'),
            Map.entry('Ο', 'O'),
            Map.entry('Α', 'A'),
            Map.entry('Ε', 'E'),
            Map.entry('Ι', 'I'));

    private Confusables() {}

    static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(LATIN.getOrDefault(c, c));
        }
        return out.toString();
    }
}
