package io.evalify.api.job;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code GET /{id}/events}: the job's progress as Server-Sent Events ({@code progress}, then {@code done}). */
@RestController
@RequestMapping(JobController.BASE)
class JobEventsController {

    private final JobEventStreams streams;

    JobEventsController(JobEventStreams streams) {
        this.streams = streams;
    }

    @GetMapping(path = "/{jobId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @io.swagger.v3.oas.annotations.Operation(
            summary = "Progress as Server-Sent Events",
            description = "Events 'progress' (the status JSON, on every change), then 'done' (terminal status);"
                    + " 'gone' if the job expired. Comment lines keep the stream alive.",
            responses =
                    @io.swagger.v3.oas.annotations.responses.ApiResponse(
                            responseCode = "200",
                            content =
                                    @io.swagger.v3.oas.annotations.media.Content(
                                            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                                            schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string"))))
    SseEmitter events(@PathVariable String jobId) {
        return streams.open(jobId);
    }
}
