package io.certaudit.agent.install;

import java.util.List;

/**
 * Joins arguments into one Windows command line that CommandLineToArgvW, and the C runtime and Java launcher parsers
 * that follow the same rules, split back into exactly those arguments (learn.microsoft.com/cpp/c-language/
 * parsing-c-command-line-arguments; learn.microsoft.com/windows/win32/api/shellapi/nf-shellapi-commandlinetoargvw):
 *
 * <ul>
 *   <li>arguments are separated by spaces or tabs; one in double quotes may hold both;</li>
 *   <li>backslashes are literal unless they come before a double quote: then 2n backslashes give n and the quote
 *       opens or closes quoting, and 2n+1 backslashes give n and a literal quote.</li>
 * </ul>
 *
 * So an argument is left bare when it has no space, tab or quote and is not empty; otherwise it is wrapped in
 * quotes, each quote in it is preceded by a backslash, and the backslashes before a quote or before the closing
 * quote are doubled. {@code C:\Program Files\certaudit\} becomes {@code "C:\Program Files\certaudit\\"}.
 */
public final class WindowsCommandLine {

    private WindowsCommandLine() {
    }

    /** The arguments as one command line, separated by single spaces. */
    public static String join(List<String> arguments) {
        StringBuilder line = new StringBuilder();
        for (String argument : arguments) {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(quote(argument));
        }
        return line.toString();
    }

    /** One argument, quoted only when it must be. */
    public static String quote(String argument) {
        if (argument.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a command-line argument cannot hold a NUL character");
        }
        if (!argument.isEmpty() && argument.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '"'
                || c == '\n' || c == 0x0B)) {
            return argument;
        }
        StringBuilder quoted = new StringBuilder("\"");
        int backslashes = 0;
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (c == '\\') {
                backslashes++;
                continue;
            }
            if (c == '"') {
                quoted.append("\\".repeat(backslashes * 2 + 1)).append('"');
            } else {
                quoted.append("\\".repeat(backslashes)).append(c);
            }
            backslashes = 0;
        }
        quoted.append("\\".repeat(backslashes * 2)).append('"');
        return quoted.toString();
    }
}
