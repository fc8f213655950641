package io.evalify.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BlockingLoadingCacheTest {

    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void shouldShareOneSlowLoadAmongManyVirtualThreads() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BlockingLoadingCache<String, String> cache = cache(key -> {
            await(release);
            return "value of " + key;
        });

        List<Future<String>> callers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 500; i++) {
                callers.add(threads.submit(() -> cache.get("job-1")));
            }
            release.countDown();
        }

        for (Future<String> caller : callers) {
            assertThat(caller.get()).isEqualTo("value of job-1");
        }
        assertThat(loads).hasValue(1);
    }

    @Test
    void shouldForgetAKeyWithoutWaitingForItsLoadInFlight() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BlockingLoadingCache<String, String> cache = cache(key -> {
            loading.countDown();
            await(release);
            return "stale";
        });
        CompletableFuture<String> slowCaller =
                CompletableFuture.supplyAsync(() -> cache.get("job-1"), Executors.newVirtualThreadPerTaskExecutor());
        assertThat(loading.await(5, TimeUnit.SECONDS)).isTrue();

        // A synchronous LoadingCache blocks here until the load ends: the loader holds the map's bin lock.
        CompletableFuture.runAsync(() -> cache.invalidate("job-1")).get(2, TimeUnit.SECONDS);

        release.countDown();
        assertThat(slowCaller.get(5, TimeUnit.SECONDS)).isEqualTo("stale");
        assertThat(cache.get("job-1")).isEqualTo("stale");
        assertThat(loads).hasValue(2);
    }

    @Test
    void shouldThrowTheLoadersExceptionAndNotKeepTheFailure() {
        AtomicInteger calls = new AtomicInteger();
        BlockingLoadingCache<String, String> cache = cache(key -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("redis down");
            }
            return "back";
        });

        assertThatThrownBy(() -> cache.get("job-1"))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("redis down");
        assertThat(cache.get("job-1")).isEqualTo("back");
    }

    private BlockingLoadingCache<String, String> cache(java.util.function.Function<String, String> loader) {
        return new BlockingLoadingCache<>(
                Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).maximumSize(100), key -> {
                    loads.incrementAndGet();
                    return loader.apply(key);
                });
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
