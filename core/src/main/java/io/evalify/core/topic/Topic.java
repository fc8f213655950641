package io.evalify.core.topic;

import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with the serdes of its key and value: the only place its name is written.
 *
 * @param name topic name
 * @param keySerde key serde
 * @param valueSerde value serde
 * @param <K> key type
 * @param <V> value type
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {}
