package io.evalify.api.dashboard;

import io.evalify.core.worker.WorkerHeartbeat;
import java.util.List;

/**
 * The lanes and workers page.
 *
 * @param lanes per lane, in lane order; empty when Kafka did not answer
 * @param router the Kafka Streams router, or null when Kafka did not answer
 * @param llm the global LLM limit
 * @param workers the live worker instances
 * @param kafkaError why the Kafka part is missing, or null
 */
record LanesView(List<Lane> lanes, Router router, Llm llm, List<WorkerHeartbeat> workers, String kafkaError) {

    /**
     * One lane over every worker.
     *
     * @param name the lane
     * @param topic its topic
     * @param group its consumer group
     * @param inFlight tasks in flight over every live worker
     * @param capacity the most tasks in flight over every live worker
     * @param groupState the group's state as the broker reports it
     * @param members consumers in the group
     * @param partitions lag per partition
     */
    record Lane(
            String name,
            String topic,
            String group,
            int inFlight,
            int capacity,
            String groupState,
            int members,
            List<PartitionLag> partitions) {

        /** Records not yet committed over every partition. */
        public long lag() {
            return partitions.stream().mapToLong(PartitionLag::lag).sum();
        }
    }

    /**
     * One partition's position.
     *
     * @param topic the topic
     * @param partition the partition
     * @param endOffset the next offset to be written
     * @param committed the group's committed offset, or null when it has none
     * @param lag records between them
     */
    record PartitionLag(String topic, int partition, long endOffset, Long committed, long lag) {}

    /**
     * The router.
     *
     * @param applicationId its Streams application id (its consumer group)
     * @param groupState the group's state
     * @param members stream threads in the group
     * @param lag records not yet routed over its inputs
     */
    record Router(String applicationId, String groupState, int members, long lag) {}

    /**
     * The global LLM limit.
     *
     * @param inUse leases held now
     * @param limit the limit, as a live worker reports it, or null
     * @param cooldownMillis what remains of a 429 cool-down, or null
     */
    record Llm(long inUse, Integer limit, Long cooldownMillis) {}
}
