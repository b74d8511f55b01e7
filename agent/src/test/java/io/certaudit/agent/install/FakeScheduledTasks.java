package io.certaudit.agent.install;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Task Scheduler in memory: registered tasks by path, with a state the test can set. */
public final class FakeScheduledTasks implements ScheduledTasks {

    public final Map<String, TaskDefinition> tasks = new LinkedHashMap<>();
    public int registrations;
    public Long lastResult = TaskState.SCHED_S_TASK_HAS_NOT_RUN;

    @Override
    public void register(TaskDefinition task) {
        registrations++;
        tasks.put(task.path(), task);
    }

    @Override
    public boolean delete(String path) {
        return tasks.remove(path) != null;
    }

    @Override
    public Optional<TaskState> query(String path) {
        TaskDefinition task = tasks.get(path);
        return task == null ? Optional.empty() : Optional.of(new TaskState(path, "Ready", "21/11/2026 18:00:00",
                "21/11/2026 12:00:00", lastResult, task.account().displayName()));
    }
}
