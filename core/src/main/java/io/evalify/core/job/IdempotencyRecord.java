package io.evalify.core.job;

/**
 * What an {@code Idempotency-Key} maps to: the job it created and a hash of the request body.
 *
 * @param jobId the job created by the first request
 * @param bodyHash SHA-256 of the first request's canonical body
 */
public record IdempotencyRecord(String jobId, String bodyHash) {

    static IdempotencyRecord parse(String value) {
        int cut = value.indexOf('|');
        return new IdempotencyRecord(value.substring(0, cut), value.substring(cut + 1));
    }

    String encode() {
        return jobId + "|" + bodyHash;
    }
}
