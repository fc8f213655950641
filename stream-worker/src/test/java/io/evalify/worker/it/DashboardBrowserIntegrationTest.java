package io.evalify.worker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.evalify.fakes.backend.BackendRoute;
import io.evalify.fakes.backend.GeneratedQuizSpec;
import io.evalify.fakes.backend.QuizGenerator;
import io.evalify.schemas.job.JobStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The operator's dashboard in a real headless Chromium against a real stack (broker, Redis, API, worker, fakes):
 * sign in, follow a running job to COMPLETED without a reload, retry failures and see the count move, cancel a
 * job, sign out; a request without the session or with a forged CSRF token is refused. Each page is saved as a
 * screenshot ({@link DashboardBrowser#screenshot}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIntegrationTest {

    private static final Duration PAGE_WAIT = Duration.ofSeconds(30);

    private EvalifyStack stack;
    private ChromeDriver browser;

    @BeforeAll
    void start() throws Exception {
        DashboardBrowser.requireChromium();
        // Four objective tasks at a time, so a job of a few dozen students runs for a while on slow saves.
        stack = EvalifyStack.start(Map.of("evalify.worker.lanes.objective", "4"));
        browser = DashboardBrowser.open(Path.of("target", "tmp"));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void freshBackend() {
        stack.backend().clearFaults();
        stack.backend().faults(BackendRoute.SAVE).clear();
    }

    @Test
    void shouldFollowARunningJobToCompletedWithoutAReload() throws Exception {
        signIn();
        stack.backend().faults(BackendRoute.SAVE).latencyMillis(1_500);
        var jobId = stack.submit(quiz(40));
        open("/dashboard/jobs/" + jobId);
        browser.executeScript("window.notReloaded = true;");
        assertThat(statusText()).isIn("QUEUED", "RUNNING");
        awaitPage(() -> percentShown() > 0);
        DashboardBrowser.screenshot(browser, "dashboard-job-running");

        stack.backend().faults(BackendRoute.SAVE).clear();
        awaitPage(() -> "COMPLETED".equals(statusText()));
        assertThat(percentShown()).isEqualTo(100.0);
        assertThat(browser.findElement(By.cssSelector("[data-field=done]")).getText())
                .isEqualTo("40 / 40");
        assertThat(browser.executeScript("return window.notReloaded === true;")).isEqualTo(true);

        open("/dashboard/jobs");
        assertThat(browser.findElement(By.cssSelector("tr[data-job-id='" + jobId + "']"))
                        .getText())
                .contains("COMPLETED");
        DashboardBrowser.screenshot(browser, "dashboard-jobs");
    }

    @Test
    void shouldShowFailuresByTypeAndRetryThemUntilTheCountIsZero() throws Exception {
        signIn();
        var quizId = quiz(10);
        var failing = IntStream.range(0, 3)
                .mapToObj(i -> QuizGenerator.studentId(quizId, i))
                .toArray(String[]::new);
        stack.backend().failStudentsWith404(failing);
        var jobId = stack.submit(quizId);
        stack.awaitStatus(jobId, JobStatus.COMPLETED_WITH_ERRORS, Duration.ofSeconds(60));

        open("/dashboard/jobs/" + jobId);
        assertThat(browser.findElement(By.id("failed-count")).getText()).isEqualTo("3");
        browser.findElement(By.id("failures-link")).click();
        awaitPage(() -> browser.getCurrentUrl().endsWith("/failures"));
        assertThat(browser.findElement(By.id("groups")).getText())
                .contains("BACKEND_NOT_FOUND")
                .contains("3");
        assertThat(browser.findElements(By.cssSelector("#students tr[data-student]")))
                .hasSize(3);
        DashboardBrowser.screenshot(browser, "dashboard-failures");

        stack.backend().clearFaults();
        browser.findElement(By.cssSelector("tr[data-student='" + failing[0] + "'] button.retry-one"))
                .click();
        browser.switchTo().alert().accept();
        awaitPage(() -> browser.getCurrentUrl().contains("notice=retried-one"));
        assertThat(Integer.parseInt(browser.findElement(By.id("failed-total")).getText()))
                .isLessThan(3);

        browser.findElement(By.id("retry-all")).click();
        browser.switchTo().alert().accept();
        awaitPage(() -> browser.getCurrentUrl().contains("notice="));
        open("/dashboard/jobs/" + jobId);
        awaitPage(() -> "COMPLETED".equals(statusText()));
        assertThat(browser.findElement(By.id("failed-count")).getText()).isEqualTo("0");
        assertThat(stack.status(jobId).counts().succeeded()).isEqualTo(10);
    }

    @Test
    void shouldCancelARunningJobAfterConfirmation() throws Exception {
        signIn();
        stack.backend().faults(BackendRoute.SAVE).latencyMillis(1_500);
        var jobId = stack.submit(quiz(40));
        open("/dashboard/jobs/" + jobId);
        browser.findElement(By.id("cancel-job")).click();
        browser.switchTo().alert().dismiss();
        assertThat(stack.status(jobId).status()).isIn(JobStatus.QUEUED, JobStatus.RUNNING);

        browser.findElement(By.id("cancel-job")).click();
        browser.switchTo().alert().accept();
        awaitPage(() -> browser.getCurrentUrl().contains("notice=cancelled"));
        stack.backend().faults(BackendRoute.SAVE).clear();
        awaitPage(() -> "CANCELLED".equals(statusText()));
        assertThat(stack.status(jobId).counts().cancelled()).isPositive();
    }

    @Test
    void shouldRefuseAForgedCsrfTokenAndAMissingSession() throws Exception {
        signIn();
        stack.backend().faults(BackendRoute.SAVE).latencyMillis(1_000);
        var jobId = stack.submit(quiz(20));
        open("/dashboard/jobs/" + jobId);
        browser.executeScript("document.querySelectorAll('input[name=_csrf]').forEach(i => i.value = 'forged');"
                + "document.querySelectorAll('form[data-confirm]').forEach(f => f.removeAttribute('data-confirm'));");
        browser.findElement(By.id("cancel-job")).click();
        await().atMost(PAGE_WAIT)
                .until(() -> browser.findElement(By.tagName("body")).getText().contains("Refused"));
        assertThat(stack.status(jobId).status()).isNotIn(JobStatus.CANCELLING, JobStatus.CANCELLED);

        browser.manage().deleteAllCookies();
        open("/dashboard/jobs/" + jobId);
        assertThat(browser.getCurrentUrl()).endsWith("/dashboard/sign-in");
    }

    @Test
    void shouldShowLanesAndWorkersFromKafkaAndRedis() throws Exception {
        signIn();
        open("/dashboard/lanes");
        assertThat(browser.findElements(By.cssSelector("#lanes tr[data-lane]")))
                .as(browser.findElement(By.tagName("body")).getText())
                .hasSize(3);
        assertThat(browser.findElement(By.id("router-state")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("llm-in-use")).getText()).isEqualTo("0");
        // The worker's own heartbeat: its health components as its health endpoint reports them.
        var worker = browser.findElement(By.cssSelector("article.worker"));
        assertThat(worker.getText()).contains("UP").contains("lanes").contains("objective");
        DashboardBrowser.screenshot(browser, "dashboard-lanes");
    }

    @Test
    void shouldSignOutAndThenBeSentToSignIn() throws Exception {
        browser.manage().deleteAllCookies();
        open("/dashboard/sign-in");
        DashboardBrowser.screenshot(browser, "dashboard-sign-in");
        signIn();
        browser.findElement(By.id("sign-out")).click();
        awaitPage(() -> browser.getCurrentUrl().contains("/dashboard/sign-in"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("You are signed out");
        open("/dashboard/jobs");
        assertThat(browser.getCurrentUrl()).endsWith("/dashboard/sign-in");
    }

    private void signIn() {
        browser.manage().deleteAllCookies();
        open("/dashboard/sign-in");
        browser.findElement(By.id("api_key")).sendKeys(EvalifyStack.API_KEY);
        browser.findElement(By.id("sign-in")).click();
        awaitPage(() -> browser.getCurrentUrl().endsWith("/dashboard/jobs"));
    }

    /** Waits for the page to reach a state; a timeout reports where the browser is and what it shows. */
    private void awaitPage(java.util.concurrent.Callable<Boolean> condition) {
        try {
            await().atMost(PAGE_WAIT).ignoreExceptions().until(condition);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "page did not get there: " + browser.getCurrentUrl() + "\n"
                            + browser.findElement(By.tagName("body")).getText(),
                    e);
        }
    }

    private void open(String path) {
        browser.get(stack.apiUrl() + path);
    }

    private String statusText() {
        return browser.findElement(By.cssSelector("h1 [data-field=status] .status"))
                .getText();
    }

    private double percentShown() {
        WebElement bar = browser.findElement(By.id("job-bar"));
        return Double.parseDouble(bar.getAttribute("aria-valuenow"));
    }

    private String quiz(int students) {
        var quizId = UUID.randomUUID().toString();
        stack.backend()
                .generateQuiz(GeneratedQuizSpec.builder(quizId)
                        .students(students)
                        .questions(3)
                        .seed(7)
                        .types("MCQ", "TRUE_FALSE")
                        .build());
        return quizId;
    }
}
