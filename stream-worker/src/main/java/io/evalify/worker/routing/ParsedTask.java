package io.evalify.worker.routing;

import io.evalify.schemas.deadletter.DeadLetter;
import io.evalify.schemas.task.TaskEvent;

/**
 * A task record after parsing: either a valid task or a dead letter explaining why it is not one.
 *
 * @param task the task, or null
 * @param deadLetter the dead letter, or null
 */
record ParsedTask(TaskEvent task, DeadLetter deadLetter) {

    boolean isValid() {
        return task != null;
    }
}
