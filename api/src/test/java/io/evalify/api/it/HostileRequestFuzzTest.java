package io.evalify.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Sends 1,200 generated malformed or hostile requests ({@link HostileRequests}) through the whole API (filters,
 * controllers, advice) over real Redis and a real broker, and checks that none gets a 5xx, every error is a JSON
 * body, and none creates a Redis key or a task record. The seed is fixed so a failure can be replayed; set
 * {@code -Dfuzz.seed=...} to explore others.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRequestFuzzTest extends FullStackTest {

    private static final int CASES = 1_200;
    private static final int MAX_BODY = 64 * 1024;

    @Autowired
    private MockMvc mvc;

    private final java.util.Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
    private Set<String> keysBefore;
    private long tasksBefore;

    @BeforeAll
    void rememberTheStores() {
        keysBefore = evalifyKeys();
        tasksBefore = taskRecords();
    }

    @TestFactory
    Stream<DynamicTest> shouldAnswerEveryHostileRequestWithA4xxAndCreateNothing() {
        long seed = Long.getLong("fuzz.seed", 20260404L);
        var generator = new HostileRequests(seed, MAX_BODY);
        return IntStream.range(0, CASES).mapToObj(i -> {
            var hostile = generator.next();
            return DynamicTest.dynamicTest("#" + i + " " + hostile, () -> check(hostile));
        });
    }

    @AfterAll
    void shouldNotHavePublishedAnyTaskAndHaveHitEveryKindOfRefusal() {
        assertThat(taskRecords()).isEqualTo(tasksBefore);
        System.out.println("Fuzz answers by status: " + statuses);
        assertThat(statuses).containsKeys(400, 401, 404, 405, 413, 415, 422);
    }

    private void check(HostileRequests.Hostile hostile) throws Exception {
        var builder = request(HttpMethod.valueOf(hostile.method()), java.net.URI.create(hostile.path()))
                .content(hostile.body());
        if (hostile.contentType() != null) {
            builder.header("Content-Type", hostile.contentType());
        }
        if (hostile.apiKey() != null) {
            builder.header("API_KEY", hostile.apiKey());
        }
        var response = mvc.perform(builder).andReturn().getResponse();
        statuses.merge(response.getStatus(), 1, Integer::sum);

        assertThat(response.getStatus())
                .as("status of %s: %s", hostile, response.getContentAsString())
                .isLessThan(500);
        if (response.getStatus() >= 400) {
            assertThat(response.getContentType())
                    .as("error body of %s", hostile)
                    .containsIgnoringCase("json");
        }
        assertThat(evalifyKeys()).as("Redis keys after %s", hostile).isSubsetOf(keysBefore);
    }
}
