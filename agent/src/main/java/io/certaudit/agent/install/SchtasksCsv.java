package io.certaudit.agent.install;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code schtasks /Query /TN name /V /FO CSV /NH}: one row per trigger of the task, fields in double quotes,
 * a quote inside a field doubled. The column headers are translated on non-English Windows but their order is
 * fixed (HostName, TaskName, Next Run Time, Status, Logon Mode, Last Run Time, Last Result, Author, Task To Run,
 * Start In, Comment, Scheduled Task State, Idle Time, Power Management, Run As User, ...), so columns are read by
 * position and /NH leaves the header out.
 */
final class SchtasksCsv {

    static final int TASK_NAME = 1;
    static final int NEXT_RUN_TIME = 2;
    static final int STATUS = 3;
    static final int LAST_RUN_TIME = 5;
    static final int LAST_RESULT = 6;
    static final int RUN_AS_USER = 14;

    private SchtasksCsv() {
    }

    /** The task's state from the first row (every row of a task repeats the same state, one per trigger). */
    static Optional<TaskState> state(String output) {
        for (String line : output.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = fields(line);
            if (fields.size() <= RUN_AS_USER) {
                return Optional.empty();
            }
            return Optional.of(new TaskState(fields.get(TASK_NAME), fields.get(STATUS), fields.get(NEXT_RUN_TIME),
                    fields.get(LAST_RUN_TIME), number(fields.get(LAST_RESULT)), fields.get(RUN_AS_USER)));
        }
        return Optional.empty();
    }

    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** "Last Result" is printed as a signed or unsigned decimal number. */
    private static Long number(String text) {
        try {
            return Long.parseLong(text.strip()) & 0xFFFFFFFFL;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
