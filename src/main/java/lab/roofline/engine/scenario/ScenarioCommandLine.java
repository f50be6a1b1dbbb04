package lab.roofline.engine.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * A scenario as the `roofline-lab report` flags that reproduce it, to paste into a terminal, a ticket or
 * a chat (the app's Copy as Command Line, the handout). The flags, their order and when each is given come
 * from {@link ScenarioInput}; the picocli options that read such a line back (a terminal, or the app's
 * Paste Command Line) are built from the same table (io.ScenarioFlags), so reading what {@link #of} wrote
 * gives the same inputs.
 */
public final class ScenarioCommandLine {
    /** The program and the command a printed line starts with. */
    public static final List<String> COMMAND = List.of("roofline-lab", "report");

    private ScenarioCommandLine() {
    }

    /** The exact flags, in the table's order; numbers written so they read back to the same double. */
    public static String of(ScenarioInputs in) {
        List<String> words = new ArrayList<>(COMMAND);
        for (ScenarioInput input : ScenarioInput.values()) {
            if (input.printedFor(in)) {
                words.add(input.flag());
                if (!input.isSwitch()) {
                    words.add(input.print(input.valueIn(in)));
                }
            }
        }
        StringBuilder line = new StringBuilder();
        for (String w : words) {
            line.append(line.length() == 0 ? "" : " ").append(quoted(w));
        }
        return line.toString();
    }

    /** A word as a shell reads it back: quoted when it holds anything but plain characters. */
    static String quoted(String w) {
        if (!w.isEmpty() && w.matches("[A-Za-z0-9_./:=+-]+")) {
            return w;
        }
        return "'" + w.replace("'", "'\\''") + "'";
    }

    /** Splits a line as a POSIX shell would: single and double quotes, backslash escapes outside single ones. */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quote == '\'') {
                if (ch == '\'') {
                    quote = 0;
                } else {
                    word.append(ch);
                }
            } else if (quote == '"') {
                if (ch == '"') {
                    quote = 0;
                } else if (ch == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(ch);
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
                inWord = true;
            } else if (ch == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                if (next != '\n') { // a line continuation joins the lines
                    word.append(next);
                    inWord = true;
                }
            } else if (Character.isWhitespace(ch)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(ch);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("a quote (" + quote + ") is not closed");
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("the line is empty");
        }
        return words;
    }
}
