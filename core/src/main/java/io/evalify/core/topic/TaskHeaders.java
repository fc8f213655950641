package io.evalify.core.topic;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Names of the record headers we write, and helpers to read them as text. */
public final class TaskHeaders {

    /** Epoch millis at which a retried task is due. */
    public static final String DUE_AT = "evalify-due-at";

    /** Error class of a dead-lettered task. */
    public static final String ERROR_TYPE = "evalify-error-type";

    /** Error message of a dead-lettered task. */
    public static final String ERROR_MESSAGE = "evalify-error-message";

    /** Attempts made before dead-lettering. */
    public static final String ATTEMPTS = "evalify-attempts";

    /** Epoch millis of the first failure. */
    public static final String FIRST_FAILURE_AT = "evalify-first-failure-at";

    /** Epoch millis of the last failure. */
    public static final String LAST_FAILURE_AT = "evalify-last-failure-at";

    /** Topic the dead-lettered record was read from. */
    public static final String ORIGINAL_TOPIC = "evalify-original-topic";

    /** Partition the dead-lettered record was read from. */
    public static final String ORIGINAL_PARTITION = "evalify-original-partition";

    /** Offset of the dead-lettered record. */
    public static final String ORIGINAL_OFFSET = "evalify-original-offset";

    private TaskHeaders() {}

    /** Sets a text header, replacing any earlier value. */
    public static void put(Headers headers, String name, Object value) {
        headers.remove(name);
        headers.add(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes a dead letter's headers: the failure and where the original record was read, so a replay tool can
     * find its origin without parsing the value.
     */
    public static void stampFailure(
            Headers headers,
            io.evalify.schemas.deadletter.TaskFailure failure,
            String topic,
            int partition,
            long offset) {
        put(headers, ERROR_TYPE, failure.type());
        put(headers, ERROR_MESSAGE, failure.message());
        put(headers, ATTEMPTS, failure.attempts());
        put(headers, FIRST_FAILURE_AT, failure.firstFailureAt().toEpochMilli());
        put(headers, LAST_FAILURE_AT, failure.lastFailureAt().toEpochMilli());
        put(headers, ORIGINAL_TOPIC, topic);
        put(headers, ORIGINAL_PARTITION, partition);
        put(headers, ORIGINAL_OFFSET, offset);
    }

    /** The last value of a text header, or null. */
    public static String get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
