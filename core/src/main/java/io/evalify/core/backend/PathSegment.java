package io.evalify.core.backend;

import java.nio.charset.StandardCharsets;

/**
 * One id as one URL path segment: every byte outside RFC 3986's unreserved characters is percent-encoded, and
 * the ids that a URL resolver would treat as navigation ({@code .} and {@code ..}) or drop (empty) are refused.
 * The API accepts only UUIDs for quiz and student ids; this is the second line for ids that reach the client
 * another way (a replayed task, a backend row).
 */
final class PathSegment {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathSegment() {}

    /**
     * The encoded segment.
     *
     * @throws IllegalArgumentException for a null, empty, {@code .} or {@code ..} id
     */
    static String encode(String id) {
        if (id == null || id.isEmpty() || id.equals(".") || id.equals("..")) {
            throw new IllegalArgumentException("not a valid path segment: \"" + id + "\"");
        }
        StringBuilder out = new StringBuilder(id.length());
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            if (unreserved(b)) {
                out.append((char) b);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean unreserved(byte b) {
        return (b >= 'a' && b <= 'z')
                || (b >= 'A' && b <= 'Z')
                || (b >= '0' && b <= '9')
                || b == '-'
                || b == '.'
                || b == '_'
                || b == '~';
    }
}
