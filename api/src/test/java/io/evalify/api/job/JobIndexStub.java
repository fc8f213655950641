package io.evalify.api.job;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import io.evalify.core.job.IndexEntry;
import io.evalify.core.job.JobStore;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Stubs a mocked {@link JobStore}'s job index for slice tests: {@code ids} newest first, each read through the
 * mock's own {@code find} stubs, so a test states its jobs once.
 */
public final class JobIndexStub {

    private JobIndexStub() {}

    /** The quiz's index ({@code quizId} null: the global one) holds {@code ids}, newest first. */
    public static void givenIndex(JobStore jobs, String quizId, List<String> ids) {
        var entries = IntStream.range(0, ids.size())
                .mapToObj(i -> new IndexEntry(ids.get(i), ids.size() - i))
                .toList();
        when(jobs.indexPage(eq(quizId), any(), anyInt())).thenAnswer(call -> {
            IndexEntry after = call.getArgument(1);
            int limit = call.getArgument(2);
            return entries.stream()
                    .filter(e -> after == null || e.isAfter(after))
                    .limit(limit)
                    .toList();
        });
        when(jobs.findAll(anyList())).thenAnswer(call -> {
            List<String> asked = call.getArgument(0);
            return asked.stream().map(jobs::find).toList();
        });
    }
}
