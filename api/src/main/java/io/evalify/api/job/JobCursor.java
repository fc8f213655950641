package io.evalify.api.job;

import io.evalify.api.web.ApiProblem;
import io.evalify.core.job.IndexEntry;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A position in the job listing, handed to callers as an opaque token ({@code next_cursor}): the creation time
 * and id of the last index entry a page read. It stays valid while jobs are added or expire, since it names a
 * place in the order rather than an offset.
 */
public final class JobCursor {

    private static final String VERSION = "v1";
    private static final Pattern FORM = Pattern.compile("v1:(\\d{1,19}):([\\x21-\\x7e]{1,200})");

    private JobCursor() {}

    /** The token for a position. */
    public static String encode(IndexEntry position) {
        var text = VERSION + ":" + position.createdAtMillis() + ":" + position.jobId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position a token names; null for a null or blank token (the first page).
     *
     * @throws ApiProblem 400 naming {@code parameter} when the token was not made by {@link #encode}
     */
    public static IndexEntry decode(String token, String parameter) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            var text = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8);
            var match = FORM.matcher(text);
            if (match.matches()) {
                return new IndexEntry(match.group(2), Long.parseLong(match.group(1)));
            }
        } catch (IllegalArgumentException e) {
            // not base64 or not a number: the same answer as any other bad token
        }
        throw ApiProblem.badParameter(parameter, "must be a next_cursor returned by an earlier page");
    }
}
