package io.evalify.grading.coding;

import java.util.Locale;

/** Languages a CODING question may allow, with their Judge0 CE ids (OCTAVE is 66; the old 64 was Lua). */
public enum CodingLanguage {
    C(50),
    CPP(54),
    JAVA(62),
    JAVASCRIPT(63),
    OCTAVE(66),
    PYTHON(71),
    SCALA(81);

    private final int judge0Id;

    CodingLanguage(int judge0Id) {
        this.judge0Id = judge0Id;
    }

    /** The Judge0 CE language id. */
    public int judge0Id() {
        return judge0Id;
    }

    /** The language of a name such as {@code PYTHON} or {@code python}, or null when unknown. */
    public static CodingLanguage of(String name) {
        if (name == null) {
            return null;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null; // callers turn an unknown name into a reasoned ERROR
        }
    }
}
