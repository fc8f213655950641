package io.evalify.api.job;

import static io.evalify.core.job.NewJobBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.evalify.core.job.IndexEntry;
import io.evalify.core.job.JobKeys;
import io.evalify.core.job.JobRetention;
import io.evalify.core.job.JobSnapshot;
import io.evalify.core.job.JobStore;
import io.evalify.core.testing.LocalRedis;
import io.evalify.schemas.job.JobStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Cursor paging over the real job indexes in a real Redis. The tests write some 15,000 jobs, so they use a
 * database of their own and empty it afterwards: tests that scan the shared one's keys stay fast.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobListingTest {

    private static final int OWN_DATABASE = 9;

    private final StringRedisTemplate redis = ownDatabase();
    private final JobStore store = new JobStore(redis, JobRetention.DEFAULT, Clock.systemUTC());
    private final JobListing listing = new JobListing(store);

    @AfterAll
    void emptyTheDatabase() {
        redis.execute((RedisCallback<Object>) connection -> {
            connection.serverCommands().flushDb();
            return null;
        });
    }

    private static StringRedisTemplate ownDatabase() {
        var config = new RedisStandaloneConfiguration(
                "127.0.0.1", LocalRedis.shared().port());
        config.setDatabase(OWN_DATABASE);
        var factory = new LettuceConnectionFactory(config);
        factory.afterPropertiesSet();
        factory.start();
        return new StringRedisTemplate(factory);
    }

    @Test
    void shouldReachEveryJobOfAQuizBeyondTenThousandByCursor() {
        var quiz = "quiz-" + UUID.randomUUID();
        var created = createJobs(quiz, 10_050, Instant.parse("2026-01-01T00:00:00Z"), 7);
        var seen = new ArrayList<String>();
        IndexEntry cursor = null;
        int pages = 0;
        do {
            var slice = listing.page(quiz, null, cursor, 100);
            slice.jobs().forEach(j -> seen.add(j.jobId()));
            cursor = slice.next();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(101);
        assertThat(new HashSet<>(seen)).hasSize(10_050).containsAll(created);
        assertThat(seen).hasSize(10_050);
    }

    @Test
    void shouldNeitherSkipNorRepeatJobsCreatedInTheSameMillisecond() {
        var quiz = "quiz-" + UUID.randomUUID();
        var created = createJobs(quiz, 25, Instant.parse("2026-02-01T00:00:00Z"), 0);
        var seen = new ArrayList<String>();
        IndexEntry cursor = null;
        do {
            var slice = listing.page(quiz, null, cursor, 4);
            slice.jobs().forEach(j -> seen.add(j.jobId()));
            cursor = slice.next();
        } while (cursor != null);
        assertThat(seen).hasSize(25).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void shouldListNewestFirstAndEndWithoutACursor() {
        var quiz = "quiz-" + UUID.randomUUID();
        var created = createJobs(quiz, 3, Instant.parse("2026-03-01T00:00:00Z"), 1000);
        var slice = listing.page(quiz, null, null, 3);
        assertThat(slice.jobs()).extracting(JobSnapshot::jobId).containsExactlyElementsOf(created.reversed());
        assertThat(slice.next()).isNull();
    }

    @Test
    void shouldReadOnePageOfJobsInOnePipelinedRoundTrip() {
        var quiz = "quiz-" + UUID.randomUUID();
        createJobs(quiz, 30, Instant.parse("2026-04-01T00:00:00Z"), 1);
        var counting = spy(store);
        var slice = new JobListing(counting).page(quiz, null, null, 20);
        assertThat(slice.jobs()).hasSize(20);
        assertThat(slice.next()).isNotNull();
        verify(counting, times(1)).findAll(anyList());
    }

    @Test
    void shouldSkipExpiredJobsAndKeepFilteringOnTheNextPage() {
        var quiz = "quiz-" + UUID.randomUUID();
        var created = createJobs(quiz, 12, Instant.parse("2026-05-01T00:00:00Z"), 1);
        redis.delete(JobKeys.job(created.get(11)));
        for (int i = 0; i < 12; i += 3) {
            store.transition(created.get(i), JobStatus.CANCELLING, null);
        }
        var first = listing.page(quiz, JobStatus.CANCELLING, null, 2);
        var second = listing.page(quiz, JobStatus.CANCELLING, first.next(), 2);
        assertThat(first.jobs()).extracting(JobSnapshot::jobId).containsExactly(created.get(9), created.get(6));
        assertThat(second.jobs()).extracting(JobSnapshot::jobId).containsExactly(created.get(3), created.get(0));
        assertThat(second.next()).isNull();
        assertThat(listing.page(quiz, null, null, 1).jobs())
                .extracting(JobSnapshot::jobId)
                .containsExactly(created.get(10));
    }

    @Test
    void shouldStopAFilteredScanAtItsBoundWithACursorToGoOn() {
        var quiz = "quiz-" + UUID.randomUUID();
        var created = createJobs(quiz, JobListing.MAX_SCANNED + 10, Instant.parse("2026-06-01T00:00:00Z"), 1);
        store.transition(created.getFirst(), JobStatus.CANCELLING, null);
        var first = listing.page(quiz, JobStatus.CANCELLING, null, 5);
        assertThat(first.jobs()).isEmpty();
        assertThat(first.next()).isNotNull();
        var second = listing.page(quiz, JobStatus.CANCELLING, first.next(), 5);
        assertThat(second.jobs()).extracting(JobSnapshot::jobId).containsExactly(created.getFirst());
        assertThat(second.next()).isNull();
    }

    @Test
    void shouldFindTheLatestJobOfAQuiz() {
        var quiz = "quiz-" + UUID.randomUUID();
        var created = createJobs(quiz, 2, Instant.parse("2026-07-01T00:00:00Z"), 5);
        assertThat(listing.latestOf(quiz)).get().extracting(JobSnapshot::jobId).isEqualTo(created.get(1));
        assertThat(listing.latestOf("quiz-" + UUID.randomUUID())).isEmpty();
    }

    /** Creates jobs of one quiz, oldest first, {@code stepMillis} apart from {@code start}; returns their ids. */
    private List<String> createJobs(String quiz, int count, Instant start, long stepMillis) {
        var ids = new ArrayList<String>(count);
        for (int i = 0; i < count; i++) {
            var at = Clock.fixed(start.plusMillis(i * stepMillis), ZoneOffset.UTC);
            var job = aJob().forQuiz(quiz).build();
            new JobStore(redis, JobRetention.DEFAULT, at).create(job, null, null, true);
            ids.add(job.jobId());
        }
        return ids;
    }
}
