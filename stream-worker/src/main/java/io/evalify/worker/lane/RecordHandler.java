package io.evalify.worker.lane;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Does all of one record's work, including deciding what to do with failures. It returns only when the
 * record's effects are durable; the consumer commits past a record only after that. An exception means
 * "not done": the record is not committed and will be delivered again.
 */
@FunctionalInterface
public interface RecordHandler {

    /** Handles one record; blocking is fine, each call runs on its own virtual thread. */
    void handle(ConsumerRecord<String, byte[]> record) throws Exception;
}
