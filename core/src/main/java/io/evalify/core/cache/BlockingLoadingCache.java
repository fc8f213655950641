package io.evalify.core.cache;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A Caffeine cache whose loads block on I/O (Redis, the backend) and whose callers are virtual threads.
 *
 * <p>A synchronous Caffeine {@code LoadingCache} runs the load inside {@code ConcurrentHashMap.compute}, under
 * the map's bin monitor. With hundreds of virtual threads asking for the same job, that held a monitor across a
 * Redis round trip, blocked every other caller and any {@code invalidate} of the key on it, and in the bench
 * pinned both carrier threads of a 2-core machine until the worker stopped (thread dump: every carrier BLOCKED
 * on the bin, the loader parked on its Redis reply). Here the map only stores a future; the load runs on its
 * own virtual thread outside any lock, concurrent callers of one key share it, and a failed load is not kept.
 *
 * @param <K> key
 * @param <V> value; the loader must not return null
 */
public final class BlockingLoadingCache<K, V> {

    private static final ExecutorService LOADS = Executors.newVirtualThreadPerTaskExecutor();

    private final AsyncLoadingCache<K, V> cache;

    /** A cache built from {@code builder} (expiry, size) that fills misses with {@code loader}. */
    public BlockingLoadingCache(Caffeine<Object, Object> builder, Function<? super K, ? extends V> loader) {
        this.cache = builder.executor(LOADS).buildAsync(key -> loader.apply(key));
    }

    /** The cached value, or waits for the load; throws what the loader threw. */
    public V get(K key) {
        var load = cache.get(key);
        try {
            return load.join();
        } catch (CompletionException e) {
            // Caffeine drops a failed load on its own, but after join() may already have returned: the next caller
            // would get the same failure. Drop it here, and only that load.
            cache.asMap().remove(key, load);
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Forgets {@code key} at once, even while a load of it is in flight. */
    public void invalidate(K key) {
        cache.synchronous().invalidate(key);
    }
}
