package io.evalify.api.it;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A seeded generator of malformed and hostile requests: bad JSON, wrong types, huge arrays, injection strings,
 * unicode oddities, unknown and misspelt fields, wrong content types, missing or wrong keys, oversized bodies,
 * unknown ids and parameters, and methods an endpoint does not have. The same seed gives the same requests.
 */
final class HostileRequests {

    static final String JOBS = "/api/v1/jobs/evaluation";
    static final String COMPAT = "/api/v1/evaluations";
    private static final String QUIZ = "11111111-1111-4111-8111-111111111111";

    static final List<String> NASTY_STRINGS = List.of(
            "",
            " ",
            "\t\n",
            "'; DROP TABLE quiz; --",
            "\" OR 1=1 --",
            "${jndi:ldap://127.0.0.1:1/x}",
            "<script>alert(1)</script>",
            "../../../../etc/passwd",
            "%2e%2e%2f",
            "evalify:job:{x}",
            "*",
            "]]..redis.call('FLUSHALL')..[[",
            "{{7*7}}",
            "\u0000",
            "\u202Eevil\u202C",
            "\u200B",
            "😀🔥",
            "ﷺ",
            "\uD83D",
            "a".repeat(201),
            "x".repeat(5000),
            "null",
            "-1",
            "1e999999");

    private static final List<String> CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/json; charset=ebcdic-xyz",
            "application/octet-stream",
            "image/png");

    private final SplittableRandom random;
    private final int maxBodyBytes;

    HostileRequests(long seed, int maxBodyBytes) {
        this.random = new SplittableRandom(seed);
        this.maxBodyBytes = maxBodyBytes;
    }

    /** One generated request. */
    record Hostile(String kind, String method, String path, String contentType, byte[] body, String apiKey) {

        @Override
        public String toString() {
            return kind + " " + method + " " + abbreviate(path);
        }

        private static String abbreviate(String text) {
            return text.length() > 60 ? text.substring(0, 60) + "…" : text;
        }
    }

    Hostile next() {
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> post(pick(List.of(JOBS, COMPAT)), "bad-body", badBody());
            case 3 -> post(pick(List.of(JOBS, COMPAT)), "bad-json", malformedJson());
            case 4 -> wrongContentType();
            case 5 -> badKey();
            case 6 -> oversized();
            case 7 -> unknownResource();
            case 8 -> badQuery();
            default -> wrongMethod();
        };
    }

    private Hostile post(String path, String kind, String body) {
        return new Hostile(kind, "POST", path, "application/json", utf8(body), FullStackTest.API_KEY);
    }

    /** Well-formed JSON that breaks the schema, or is valid for a quiz nobody has. */
    private String badBody() {
        return switch (random.nextInt(12)) {
            case 0 -> "{\"quiz_id\":" + anyJsonValueExceptString() + "}";
            case 1 -> "{\"quiz_id\":" + quote(pick(NASTY_STRINGS)) + "}";
            case 2 -> "{\"quiz_id\":\"q\",\"filters\":{\"student_ids\":" + idArray(random.nextInt(1, 50), true) + "}}";
            case 3 -> "{\"quiz_id\":\"q\",\"filters\":{\"student_ids\":[" + anyJsonValueExceptString() + "]}}";
            case 4 -> "{\"quizId\":\"q\",\"overide_evaluated\":true}";
            case 5 ->
                "{\"quiz_id\":\"q\",\"config\":{\"force\":\"true\",\"callback_url\":" + quote(pick(urls())) + "}}";
            case 6 -> anyJsonValueExceptString();
            case 7 -> nested(random.nextInt(100, 3000));
            case 8 ->
                "{\"quiz_id\":\"q\",\"student_ids\":" + idArray(random.nextInt(1, 200), false)
                        + ",\"question_ids\":{\"a\":1}}";
            case 9 ->
                "{\"quiz_id\":\"" + new UUID(random.nextLong(), random.nextLong()) + "\",\"override_evaluated\":"
                        + random.nextBoolean()
                        + ",\"" + pick(NASTY_STRINGS) + "\":1}";
            case 10 -> "{\"quiz_id\":\"q\",\"quiz_id\":" + anyJsonValueExceptString() + "}";
            default ->
                "{\"quiz_id\":\"" + unicodeSoup() + "\",\"filters\":{\"question_ids\":[\"" + unicodeSoup() + "\"]}}";
        };
    }

    private String malformedJson() {
        var valid = "{\"quiz_id\":\"" + QUIZ + "\",\"filters\":{\"student_ids\":[\"" + QUIZ + "\"]},"
                + "\"config\":{\"force\":true}}";
        return switch (random.nextInt(8)) {
            case 0 -> valid.substring(0, random.nextInt(1, valid.length() - 1));
            case 1 -> "{'quiz_id': 'q1'}";
            case 2 -> "{\"quiz_id\":\"q1\",}";
            case 3 -> "{\"quiz_id\":\"q1\"}}}}";
            case 4 -> "nul";
            case 5 -> "\uFEFF" + valid + "garbage";
            case 6 -> new String(randomBytes(random.nextInt(1, 300)), StandardCharsets.ISO_8859_1);
            default -> "{\"quiz_id\":" + "9".repeat(random.nextInt(1000, 5000)) + "}";
        };
    }

    private Hostile wrongContentType() {
        var path = pick(List.of(JOBS, COMPAT));
        var type = random.nextInt(8) == 0 ? null : pick(CONTENT_TYPES);
        return new Hostile(
                "content-type " + type, "POST", path, type, utf8("{\"quiz_id\":\"q1\"}"), FullStackTest.API_KEY);
    }

    private Hostile badKey() {
        var key = switch (random.nextInt(5)) {
            case 0 -> null;
            case 1 -> "";
            case 2 -> FullStackTest.API_KEY + "x";
            case 3 -> pick(NASTY_STRINGS);
            default -> "k".repeat(random.nextInt(1, 10_000));
        };
        var path = pick(List.of(JOBS, COMPAT, JOBS + "/j1", JOBS + "/j1/cancel", COMPAT + "/q1/progress"));
        var method = path.endsWith("cancel") || path.equals(JOBS) || path.equals(COMPAT) ? "POST" : "GET";
        return new Hostile("bad-key", method, path, "application/json", utf8(badBody()), key);
    }

    private Hostile oversized() {
        int size = maxBodyBytes + 1 + random.nextInt(maxBodyBytes);
        var ids = IntStream.range(0, size / 10).mapToObj(i -> "\"s" + i + "\"").collect(Collectors.joining(","));
        var body = "{\"quiz_id\":\"q1\",\"filters\":{\"student_ids\":[" + ids + "]}}";
        return post(pick(List.of(JOBS, COMPAT)), "oversized", body);
    }

    private Hostile unknownResource() {
        var id = encode(pick(NASTY_STRINGS) + random.nextInt(1000));
        var path = switch (random.nextInt(7)) {
            case 0 -> JOBS + "/" + id;
            case 1 -> JOBS + "/" + id + "/events";
            case 2 -> JOBS + "/" + id + "/failures";
            case 3 -> COMPAT + "/" + id + "/progress";
            case 4 -> "/api/v1/" + id;
            case 5 -> JOBS + "/" + id + "/cancel";
            default -> JOBS + "/" + id + "/retry-failed";
        };
        var method = path.endsWith("cancel") || path.endsWith("retry-failed") ? "POST" : "GET";
        return new Hostile("unknown-id", method, path, null, new byte[0], FullStackTest.API_KEY);
    }

    private Hostile badQuery() {
        var params = switch (random.nextInt(6)) {
            case 0 -> "page=" + pick(List.of("-1", "abc", "99999999999", "1.5", ""));
            case 1 -> "size=" + pick(List.of("0", "101", "-5", "x", "1e3"));
            case 2 -> "status=" + encode(pick(NASTY_STRINGS));
            case 3 -> "quiz_id=" + encode(pick(NASTY_STRINGS));
            case 4 -> "page=" + random.nextInt(0, 3) + "&size=" + random.nextInt(1, 100);
            default -> "status=running&quiz_id=" + encode(unicodeSoup());
        };
        var path = random.nextBoolean() ? JOBS : JOBS + "/j-" + random.nextInt(100) + "/failures";
        return new Hostile("query", "GET", path + "?" + params, null, new byte[0], FullStackTest.API_KEY);
    }

    private Hostile wrongMethod() {
        var path = pick(List.of(JOBS, JOBS + "/j1", JOBS + "/j1/cancel", COMPAT, COMPAT + "/q1/progress"));
        var method = pick(List.of("PUT", "DELETE", "PATCH", path.endsWith("cancel") ? "GET" : "PUT"));
        return new Hostile(
                "method", method, path, "application/json", utf8("{\"quiz_id\":\"q1\"}"), FullStackTest.API_KEY);
    }

    private String anyJsonValueExceptString() {
        return pick(List.of("1", "-0.5", "true", "null", "[]", "{}", "[\"a\"]", "{\"a\":\"b\"}", "1e308"));
    }

    private String idArray(int size, boolean withDuplicates) {
        Function<Integer, String> id = i -> quote(withDuplicates && i % 3 == 0 ? "dup" : pick(NASTY_STRINGS) + i);
        return IntStream.range(0, size).mapToObj(id::apply).collect(Collectors.joining(",", "[", "]"));
    }

    private String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(random.nextBoolean() ? depth : depth / 2);
    }

    private List<String> urls() {
        return List.of(
                "ftp://x",
                "javascript:alert(1)",
                "http://",
                "not a url",
                "http://127.0.0.1:1/" + "a".repeat(3000),
                "http://169.254.169.254/latest/meta-data/");
    }

    private String unicodeSoup() {
        return random.ints(random.nextInt(1, 40), 0x20, 0x2FFFF)
                .filter(Character::isValidCodePoint)
                .filter(cp -> cp < 0xD800 || cp > 0xDFFF)
                .filter(cp -> cp != '"' && cp != '\\')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    private byte[] randomBytes(int n) {
        var bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static String quote(String text) {
        var escaped = new StringBuilder("\"");
        text.chars().forEach(c -> {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append((char) c);
            } else if (c < 0x20) {
                escaped.append(String.format("\\u%04x", c));
            } else {
                escaped.append((char) c);
            }
        });
        return escaped.append('"').toString();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
