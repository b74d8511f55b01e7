package io.certaudit.agent.install;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an argument string the way CommandLineToArgvW and the Microsoft C runtime do for everything after the
 * program name, written from the documented rules (learn.microsoft.com/cpp/c-language/
 * parsing-c-command-line-arguments): whitespace separates arguments outside quotes; 2n backslashes before a quote
 * give n backslashes and the quote toggles quoting; 2n+1 give n and a literal quote; other backslashes are literal;
 * inside quotes a doubled quote is a literal quote.
 */
final class ArgvRules {

    private ArgvRules() {
    }

    static List<String> split(String line) {
        List<String> arguments = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i >= n) {
                return arguments;
            }
            StringBuilder argument = new StringBuilder();
            boolean quoted = false;
            while (i < n) {
                char c = line.charAt(i);
                if (!quoted && (c == ' ' || c == '\t')) {
                    break;
                }
                if (c == '\\') {
                    int start = i;
                    while (i < n && line.charAt(i) == '\\') {
                        i++;
                    }
                    int backslashes = i - start;
                    if (i < n && line.charAt(i) == '"') {
                        argument.append("\\".repeat(backslashes / 2));
                        if (backslashes % 2 == 1) {
                            argument.append('"');
                        } else {
                            quoted = !quoted;
                        }
                        i++;
                    } else {
                        argument.append("\\".repeat(backslashes));
                    }
                    continue;
                }
                if (c == '"') {
                    if (quoted && i + 1 < n && line.charAt(i + 1) == '"') {
                        argument.append('"');
                        i += 2;
                    } else {
                        quoted = !quoted;
                        i++;
                    }
                    continue;
                }
                argument.append(c);
                i++;
            }
            arguments.add(argument.toString());
        }
    }
}
