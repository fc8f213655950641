package io.evalify.schemas;

import io.evalify.schemas.deadletter.DeadLetter;
import io.evalify.schemas.job.JobAccepted;
import io.evalify.schemas.job.JobStatusResponse;
import io.evalify.schemas.job.JobSubmission;
import io.evalify.schemas.result.SaveBody;
import io.evalify.schemas.task.TaskEvent;
import java.util.Optional;

/**
 * The one registry of our JSON Schemas (draft 2020-12). Each constant names a file
 * {@code schemas/<name>.schema.json} on the classpath whose {@code $id} is {@link #id()}; no other code
 * writes a schema file name.
 */
public enum SchemaName {
    /** Shared {@code $defs} (ids, timestamps, status enums); not a payload on its own. */
    COMMON("common", null),
    /** Body of {@code POST /api/v1/jobs/evaluation}. */
    JOB_SUBMISSION("job-submission", JobSubmission.class),
    /** The 202 answer to a job submission. */
    JOB_ACCEPTED("job-accepted", JobAccepted.class),
    /** Body of {@code GET /api/v1/jobs/evaluation/{id}}. */
    JOB_STATUS("job-status", JobStatusResponse.class),
    /** Value of a record on the task topic. */
    TASK_EVENT("task-event", TaskEvent.class),
    /** Value of a record on the dead-letter topic. */
    DEAD_LETTER("dead-letter", DeadLetter.class),
    /** Body of the backend's save endpoint. */
    STUDENT_RESULT("student-result", SaveBody.class),
    /** Body of the old evaluator's {@code POST /api/v1/evaluations}. */
    COMPAT_EVALUATION_REQUEST("compat-evaluation-request", null),
    /** Body of the old evaluator's {@code GET /api/v1/evaluations/{quiz_id}/progress}. */
    COMPAT_PROGRESS("compat-progress", null);

    /** Base of every schema's {@code $id}; mapped to {@code classpath:schemas/} when loading. */
    public static final String ID_BASE = "https://schemas.evalify.io/evaluator/";

    /** Classpath folder holding the schema files. */
    public static final String RESOURCE_FOLDER = "schemas/";

    private final String baseName;
    private final Class<? extends Record> recordType;

    SchemaName(String baseName, Class<? extends Record> recordType) {
        this.baseName = baseName;
        this.recordType = recordType;
    }

    /** The short name, e.g. {@code job-submission}; also the folder name of its examples. */
    public String baseName() {
        return baseName;
    }

    /** The file name, e.g. {@code job-submission.schema.json}. */
    public String fileName() {
        return baseName + ".schema.json";
    }

    /** The classpath resource, e.g. {@code schemas/job-submission.schema.json}. */
    public String resourcePath() {
        return RESOURCE_FOLDER + fileName();
    }

    /** The schema's {@code $id}. */
    public String id() {
        return ID_BASE + fileName();
    }

    /** The Java record that reads and writes this payload, if there is one in this module. */
    public Optional<Class<? extends Record>> recordType() {
        return Optional.ofNullable(recordType);
    }

    /** False only for {@link #COMMON}, which holds definitions rather than describing a payload. */
    public boolean describesPayload() {
        return this != COMMON;
    }
}
