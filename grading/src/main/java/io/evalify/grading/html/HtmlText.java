package io.evalify.grading.html;

import org.jsoup.Jsoup;

/**
 * Turns question and answer HTML (Tiptap editor output) into plain text with jsoup: tags and scripts go,
 * entities are decoded, whitespace is collapsed. Plain text passes through unchanged.
 */
public final class HtmlText {

    private HtmlText() {}

    /** Plain text of an HTML fragment; null becomes "". */
    public static String of(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return Jsoup.parseBodyFragment(html).body().text().trim();
    }
}
