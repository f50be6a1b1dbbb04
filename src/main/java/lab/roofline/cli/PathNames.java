package lab.roofline.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * A file or folder flag's text as a path. A name the system cannot take is one line saying why: under the C
 * locale (LANG=C) Java names files in ASCII only, so a non-ASCII name reaches it already damaged and cannot
 * be made to work from inside the program; the message says which locale would.
 */
final class PathNames {
    private PathNames() {
    }

    /** Picocli's reason for a flag's value; the handler puts the flag's name before it. */
    static final class NotAName extends CommandLine.TypeConversionException {
        private static final long serialVersionUID = 1L;

        NotAName(String message) {
            super(message);
        }
    }

    static Path of(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            String shown = RooflineCommand.printable(text).replace('\uFFFD', '?');
            String encoding = System.getProperty("sun.jnu.encoding", "");
            boolean locale = text.indexOf('\uFFFD') >= 0 || e.getReason() != null && e.getReason().contains("unmappable");
            if (locale) {
                throw new NotAName("'" + shown + "' cannot name a file under this locale (file names are "
                        + encoding + ", ASCII only, under LANG=C): run with a UTF-8 locale (LANG=C.UTF-8) or use an "
                        + "ASCII name");
            }
            throw new NotAName("'" + shown + "' is not a file name (" + (e.getReason() == null ? "not allowed here"
                    : e.getReason().toLowerCase(java.util.Locale.ROOT)) + ")");
        }
    }

    /** The message a bad name gives, with its flag first ("--out: 'r?sum?.svg' cannot name …"); null for others. */
    static String message(CommandLine.ParameterException ex) {
        if (ex.getCause() instanceof NotAName bad && ex.getArgSpec() instanceof CommandLine.Model.OptionSpec option) {
            return option.longestName() + ": " + bad.getMessage();
        }
        return null;
    }
}
