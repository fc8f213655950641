package io.evalify.core.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Lua scripts read once from the classpath. {@code RedisScript.of(Resource)} checks the resource's
 * modification time before every call to decide whether to re-hash it; inside a Boot jar that opens a nested
 * jar URL each time, which a worker profile showed on every counted task. Our scripts never change at runtime.
 */
public final class LuaScripts {

    private LuaScripts() {}

    /** The script at {@code classpathLocation} (no leading slash), returning {@code resultType}. */
    public static <T> RedisScript<T> load(String classpathLocation, Class<T> resultType) {
        try (InputStream in = LuaScripts.class.getClassLoader().getResourceAsStream(classpathLocation)) {
            if (in == null) {
                throw new IllegalStateException("no Lua script at " + classpathLocation);
            }
            return RedisScript.of(new String(in.readAllBytes(), StandardCharsets.UTF_8), resultType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + classpathLocation, e);
        }
    }
}
