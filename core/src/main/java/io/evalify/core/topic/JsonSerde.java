package io.evalify.core.topic;

import io.evalify.schemas.Json;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;

/** A Kafka serde for one of our schema records, using the shared Jackson 3 mapper. */
public final class JsonSerde<T> implements Serde<T> {

    private final Class<T> type;

    /** A serde for {@code type}. */
    public JsonSerde(Class<T> type) {
        this.type = type;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : Json.mapper().writeValueAsBytes(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    /** Parses bytes, turning any JSON error into Kafka's {@link SerializationException}. */
    public T read(byte[] bytes) {
        try {
            return Json.mapper().readValue(bytes, type);
        } catch (JacksonException e) {
            throw new SerializationException("Not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
