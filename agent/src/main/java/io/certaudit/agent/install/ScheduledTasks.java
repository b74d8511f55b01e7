package io.certaudit.agent.install;

import java.util.Optional;

/**
 * What the installer asks of Task Scheduler: register (create or replace) a task from its XML, delete it, and read
 * its state. {@link SchtasksScheduledTasks} does it with schtasks.exe; tests use a fake, and
 * {@link #unavailable(String)} stands in where there is no Task Scheduler.
 */
public interface ScheduledTasks {

    /** Creates the task, or replaces the one registered under the same path. */
    void register(TaskDefinition task) throws TaskSchedulerException;

    /** Deletes the task; {@code false} when there was none. */
    boolean delete(String path) throws TaskSchedulerException;

    /** The task's state, or empty when there is no such task. */
    Optional<TaskState> query(String path) throws TaskSchedulerException;

    /** A Task Scheduler that refuses every call with {@code reason}. */
    static ScheduledTasks unavailable(String reason) {
        return new ScheduledTasks() {
            @Override
            public void register(TaskDefinition task) throws TaskSchedulerException {
                throw new TaskSchedulerException(reason);
            }

            @Override
            public boolean delete(String path) throws TaskSchedulerException {
                throw new TaskSchedulerException(reason);
            }

            @Override
            public Optional<TaskState> query(String path) throws TaskSchedulerException {
                throw new TaskSchedulerException(reason);
            }
        };
    }
}
