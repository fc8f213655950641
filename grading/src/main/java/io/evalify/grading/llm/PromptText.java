package io.evalify.grading.llm;

/**
 * Cleans text before it reaches the model or the injection detector: invisible Unicode used to hide
 * instructions is removed (OWASP LLM01), and angle brackets are escaped so no text can open or close
 * one of the prompt's tagged sections.
 */
public final class PromptText {

    private PromptText() {}

    /** Removes tag characters, variation selectors, zero-width characters, word joiner, BOM and bidi controls. */
    public static String stripInvisible(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().filter(cp -> !isInvisible(cp)).forEach(clean::appendCodePoint);
        return clean.toString();
    }

    /** Escapes {@code &}, {@code <} and {@code >} so the text stays inside its section. */
    public static String escapeTags(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Invisible characters stripped, then tags escaped: the form every section of the prompt uses. */
    public static String forPrompt(String text) {
        return escapeTags(stripInvisible(text == null ? "" : text)).trim();
    }

    static boolean isInvisible(int cp) {
        return (cp >= 0xE0000 && cp <= 0xE007F)
                || (cp >= 0xFE00 && cp <= 0xFE0F)
                || (cp >= 0x200B && cp <= 0x200F)
                || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2060 && cp <= 0x2064)
                || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0xFEFF
                || cp == 0x00AD
                || cp == 0x180E;
    }
}
