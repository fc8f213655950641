package io.evalify.api.job;

import static io.evalify.api.job.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.evalify.api.SliceTestConfig;
import io.evalify.core.job.JobStore;
import io.evalify.schemas.job.JobStatus;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@WebMvcTest(
        controllers = JobEventsController.class,
        properties = {
            SliceTestConfig.KEY_PROPERTY,
            "evalify.api.events.poll-interval=10ms",
            "evalify.api.events.heartbeat=40ms",
            "evalify.api.events.max-streams=2"
        })
@Import({SliceTestConfig.class, JobEventStreams.class})
class JobEventsControllerTest {

    private static final String BASE = "/api/v1/jobs/evaluation";

    @Autowired
    private MockMvc mvc;

    @Autowired
    private JobEventStreams streams;

    @MockitoBean
    private JobStore jobs;

    @Test
    void shouldSendProgressOnEachChangeThenDoneAndComplete() throws Exception {
        var queued = aJob("j1").build();
        var running = aJob("j1").in(JobStatus.RUNNING).withCounts(10, 3, 0).build();
        var done = aJob("j1").in(JobStatus.COMPLETED).withCounts(10, 10, 0).build();
        when(jobs.find("j1"))
                .thenReturn(
                        Optional.of(queued),
                        Optional.of(queued),
                        Optional.of(running),
                        Optional.of(running),
                        Optional.of(done));

        var events = stream("j1");

        assertThat(events).extracting(SseEvent::name).containsExactly("progress", "progress", "done");
        assertThat(events.get(0).data()).contains("\"status\":\"QUEUED\"");
        assertThat(events.get(1).data()).contains("\"succeeded\":3");
        assertThat(events.get(2).data()).contains("\"status\":\"COMPLETED\"");
        assertThat(events).extracting(SseEvent::id).containsExactly("1", "2", "3");
    }

    @Test
    void shouldSendOnlyDoneForAFinishedJob() throws Exception {
        when(jobs.find("j2"))
                .thenReturn(Optional.of(
                        aJob("j2").in(JobStatus.CANCELLED).withCancelled(10).build()));
        var events = stream("j2");
        assertThat(events).extracting(SseEvent::name).containsExactly("done");
        assertThat(events.get(0).data()).contains("\"cancelled\":10");
    }

    @Test
    void shouldSendHeartbeatCommentsWhileNothingChanges() throws Exception {
        var running = Optional.of(aJob("j3").in(JobStatus.RUNNING).build());
        var finished = Optional.of(aJob("j3").in(JobStatus.COMPLETED).build());
        var answers = new java.util.concurrent.atomic.AtomicInteger();
        when(jobs.find("j3")).thenAnswer(call -> answers.incrementAndGet() < 20 ? running : finished);
        var result = open("j3");
        var body = awaitBody(result, "event:done");
        assertThat(body).contains(":keep-alive");
    }

    @Test
    void shouldEndTheStreamWhenTheJobDisappears() throws Exception {
        when(jobs.find("j4"))
                .thenReturn(Optional.of(aJob("j4").in(JobStatus.RUNNING).build()), Optional.empty());
        var body = awaitBody(open("j4"), "event:gone");
        assertThat(body).contains("\"job_id\":\"j4\"");
    }

    @Test
    void shouldAnswerAnUnknownJobWith404Problem() throws Exception {
        when(jobs.find("nope")).thenReturn(Optional.empty());
        mvc.perform(get(BASE + "/nope/events").header("API_KEY", SliceTestConfig.API_KEY))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://evalify.io/problems/job-not-found"));
    }

    @Test
    void shouldRefuseAStreamBeyondTheLimitWith503() throws Exception {
        when(jobs.find("busy"))
                .thenReturn(Optional.of(aJob("busy").in(JobStatus.RUNNING).build()));
        open("busy");
        open("busy");
        mvc.perform(get(BASE + "/busy/events").header("API_KEY", SliceTestConfig.API_KEY))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value("https://evalify.io/problems/too-many-streams"));
        streams.closeAll();
        await().until(() -> streams.openStreams() == 0);
    }

    private List<SseEvent> stream(String jobId) throws Exception {
        return SseEvent.parse(awaitBody(open(jobId), "event:done"));
    }

    private MvcResult open(String jobId) throws Exception {
        return mvc.perform(get(BASE + "/" + jobId + "/events")
                        .accept(MediaType.TEXT_EVENT_STREAM)
                        .header("API_KEY", SliceTestConfig.API_KEY))
                .andExpect(request().asyncStarted())
                .andReturn();
    }

    private static String awaitBody(MvcResult result, String marker) {
        return await().atMost(Duration.ofSeconds(5))
                .until(() -> result.getResponse().getContentAsString(), body -> body.contains(marker));
    }

    /** One parsed Server-Sent Event. */
    record SseEvent(String id, String name, String data) {

        static List<SseEvent> parse(String body) {
            return Arrays.stream(body.split("\n\n"))
                    .filter(block -> block.contains("event:"))
                    .map(SseEvent::parseBlock)
                    .toList();
        }

        private static SseEvent parseBlock(String block) {
            String id = null;
            String name = null;
            var data = new StringBuilder();
            for (var line : block.split("\n")) {
                if (line.startsWith("id:")) {
                    id = line.substring(3);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6);
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                }
            }
            return new SseEvent(id, name, data.toString());
        }
    }
}
