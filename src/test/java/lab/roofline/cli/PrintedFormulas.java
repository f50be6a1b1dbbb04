package lab.roofline.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The arithmetic a page prints, read back and done again. A formula is numbers as printed ("1,280", "3.35 TB/s",
 * "70.5 µs", "100%", "1M") joined by " × ", " ÷ ", " + ", " − ", parentheses and max(a, b), with words between
 * (a unit, "of weights"); its result is printed after "=" ("A ÷ B = R", a chain "A = B = R") or before it in
 * parentheses ("≈ R (A × B ÷ C)", "1,024 prompt tokens (1 × 1024)"). An expression with no result beside it
 * (an exercise hint, whose result is the answer) is kept apart. Each printed number stands for an interval:
 * half a unit of its last printed digit either side (a whole number with no unit is exact: a batch, a count
 * of tokens), so a result is checked against the arithmetic on the rounded values a reader has, not on
 * values only the engine knows.
 */
final class PrintedFormulas {
    private PrintedFormulas() {
    }

    /**
     * A number as printed: its value in base units (bytes, seconds, FLOP, a fraction for %) and its rounding, half
     * a unit of its last printed digit (none for a whole number below 100: three significant digits would
     * have shown a decimal, so "2 B" or "64" is exact).
     */
    record Printed(String text, double value, double halfUnit) {
        ValueRange interval() {
            return ValueRange.of(value, halfUnit);
        }

        /**
         * The slack a result is allowed: 1 % of it, or half a unit of its last printed digit when that is more
         * (a result of "0.5" may be 0.46).
         */
        double slack() {
            return Math.max(0.01 * Math.abs(value), halfUnit);
        }
    }

    /** A formula with its result printed beside it. */
    record Formula(String printed, ValueRange computed, Printed result) {
        boolean holds() {
            return !Double.isNaN(computed.low()) && computed.contains(result.value(), result.slack());
        }

        @Override
        public String toString() {
            return "'" + printed + "' prints " + result.text() + " but evaluates to " + computed.low() + " .. "
                    + computed.high();
        }
    }

    /** An expression with no result printed beside it. */
    record Expression(String printed, ValueRange computed) {
    }

    /** What a text holds: its formulas with results, and its expressions without. */
    record Found(List<Formula> formulas, List<Expression> expressions) {
        List<Formula> wrong() {
            return formulas.stream().filter(f -> !f.holds()).toList();
        }
    }

    // ---- reading numbers ----

    private static final Map<String, Double> UNITS = units();

    private static Map<String, Double> units() {
        Map<String, Double> u = new HashMap<>();
        String[] prefixes = {"", "k", "M", "G", "T", "P", "E"};
        for (int i = 0; i < prefixes.length; i++) {
            for (String base : List.of("B", "B/s", "FLOP", "FLOP/s")) {
                u.put(prefixes[i] + base, Math.pow(1000, i));
            }
        }
        u.put("ns", 1e-9);
        u.put("µs", 1e-6);
        u.put("ms", 1e-3);
        u.put("s", 1.0);
        u.put("h", 3600.0);
        u.put("days", 86_400.0);
        u.put("years", 365.25 * 86_400);
        u.put("%", 0.01);
        return Map.copyOf(u);
    }

    /** A number with thousands separators, a dollar sign, decimals. */
    private static final Pattern NUMBER = Pattern.compile("\\$?(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?");

    /** Reads the first number of a text as printed ("73 sequences", "0.419 GB", "300×"); null when none. */
    static Printed firstNumber(String text) {
        List<Token> tokens = tokens(text);
        return tokens.stream().filter(t -> t.kind == Kind.NUMBER).map(t -> t.number).findFirst().orElse(null);
    }

    // ---- tokens ----

    private enum Kind { NUMBER, OPERATOR, OPEN, CLOSE, COMMA, EQUALS, MAX, WORD, STOP }

    private record Token(Kind kind, String text, int start, int end, Printed number) {
        char operator() {
            return text.charAt(0);
        }
    }

    private static boolean space(char c) {
        return Character.isWhitespace(c) || c == '\u00a0' || c == '\u202f' || c == '\u2009';
    }

    private static boolean spaceAt(String s, int i) {
        return i < 0 || i >= s.length() || space(s.charAt(i));
    }

    /** A word ends at a space, a bracket, '=', ',', ';', ':' or a sentence's full stop. */
    private static boolean wordEnds(String s, int i) {
        char c = s.charAt(i);
        return space(c) || "()=,;:".indexOf(c) >= 0 || (c == '.' && spaceAt(s, i + 1));
    }

    private static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (space(c)) {
                i++;
                continue;
            }
            int start = i;
            if (s.startsWith("max(", i) && (i == 0 || !Character.isLetter(s.charAt(i - 1)))) {
                out.add(new Token(Kind.MAX, "max(", i, i + 4, null));
                i += 4;
            } else if ("×÷+−".indexOf(c) >= 0 && spaceAt(s, i - 1) && spaceAt(s, i + 1)) {
                out.add(new Token(Kind.OPERATOR, String.valueOf(c), i, i + 1, null));
                i++;
            } else if (c == '(' || c == ')' || c == ',' || c == '=') {
                Kind k = c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : c == ',' ? Kind.COMMA : Kind.EQUALS;
                out.add(new Token(k, String.valueOf(c), i, i + 1, null));
                i++;
            } else if (".;:?!→·".indexOf(c) >= 0) {
                out.add(new Token(Kind.STOP, String.valueOf(c), i, i + 1, null));
                i++;
            } else {
                Token number = number(s, i);
                if (number != null) {
                    out.add(number);
                    i = number.end;
                } else {
                    while (i < s.length() && (i == start || !wordEnds(s, i))) {
                        i++;
                    }
                    out.add(new Token(Kind.WORD, s.substring(start, i), start, i, null));
                }
            }
        }
        return out;
    }

    /** A number starting at i with its unit, or null when the digits there are part of a word ("BF16", "70B", "×2"). */
    private static Token number(String s, int i) {
        if (i > 0 && !space(s.charAt(i - 1)) && "(".indexOf(s.charAt(i - 1)) < 0) {
            return null;
        }
        Matcher m = NUMBER.matcher(s).region(i, s.length());
        if (!m.lookingAt()) {
            return null;
        }
        int end = m.end();
        double value = Double.parseDouble(m.group(1).replace(",", "") + (m.group(2) == null ? "" : "." + m.group(2)));
        int decimals = m.group(2) == null ? 0 : m.group(2).length();
        double multiplier = 1;
        if (end < s.length() && s.charAt(end) == '%') {
            multiplier = 0.01;
            end++;
        } else if (end < s.length() && s.charAt(end) == '×') {
            end++; // "300×": a multiple, not a product
        } else if (end < s.length() && "kMBT".indexOf(s.charAt(end)) >= 0
                && (end + 1 >= s.length() || !Character.isLetterOrDigit(s.charAt(end + 1)))) {
            multiplier = Map.of('k', 1e3, 'M', 1e6, 'B', 1e9, 'T', 1e12).get(s.charAt(end));
            end++;
        }
        if (end < s.length() && !space(s.charAt(end)) && ")],;:".indexOf(s.charAt(end)) < 0
                && !(s.charAt(end) == '.' && spaceAt(s, end + 1))) {
            return null;
        }
        int unitEnd = end;
        if (multiplier == 1 && end < s.length() && space(s.charAt(end)) && s.charAt(end) != '\n') {
            int w = end + 1;
            while (w < s.length() && !wordEnds(s, w)) {
                w++;
            }
            Double unit = UNITS.get(s.substring(end + 1, w));
            if (unit != null) {
                multiplier = unit;
                unitEnd = w;
            }
        }
        // Three significant digits print a whole number only from 100 on: one below is exact ("2 B", "64").
        double half = decimals == 0 && value < 100 ? 0 : 0.5 * Math.pow(10, -decimals) * multiplier;
        String text = s.substring(i, unitEnd);
        return new Token(Kind.NUMBER, text, i, unitEnd, new Printed(text, value * multiplier, half));
    }

    // ---- parsing ----

    /** A parsed expression: its value, how many operators it has, the tokens it spans. */
    private record Node(ValueRange value, int operators, int from, int to) {
    }

    /** The parser's state over one text's tokens. */
    private static final class Parser {
        /** Words a number may carry ("of weights", "B read per weight used"): more, and it is prose. */
        private static final int MAX_WORDS = 6;
        final String text;
        final List<Token> tokens;

        Parser(String text) {
            this.text = text;
            this.tokens = tokens(text);
        }

        Kind kind(int i) {
            return i < tokens.size() ? tokens.get(i).kind : Kind.STOP;
        }

        /** Past the words after a number or a bracket, and a label in brackets ("2 B (BF16) ÷ 2" reads "2 B ÷ 2"). */
        int words(int i) {
            int n = 0;
            while (n < MAX_WORDS) {
                if (kind(i) == Kind.WORD) {
                    i++;
                    n++;
                } else if (kind(i) == Kind.OPEN && kind(i + 1) == Kind.WORD) {
                    int close = i + 1;
                    while (kind(close) == Kind.WORD) {
                        close++;
                    }
                    if (kind(close) != Kind.CLOSE) {
                        return i;
                    }
                    n += close - i;
                    i = close + 1;
                } else {
                    return i;
                }
            }
            return i;
        }

        Node expression(int i) {
            Node left = term(i);
            while (left != null && kind(left.to) == Kind.OPERATOR && "+−".indexOf(tokens.get(left.to).operator()) >= 0) {
                char op = tokens.get(left.to).operator();
                Node right = term(left.to + 1);
                if (right == null) {
                    return null;
                }
                left = new Node(op == '+' ? left.value.plus(right.value) : left.value.minus(right.value),
                        left.operators + right.operators + 1, left.from, right.to);
            }
            return left;
        }

        Node term(int i) {
            Node left = factor(i);
            while (left != null && kind(left.to) == Kind.OPERATOR && "×÷".indexOf(tokens.get(left.to).operator()) >= 0) {
                char op = tokens.get(left.to).operator();
                Node right = factor(left.to + 1);
                if (right == null) {
                    return null;
                }
                left = new Node(op == '×' ? left.value.times(right.value) : left.value.dividedBy(right.value),
                        left.operators + right.operators + 1, left.from, right.to);
            }
            return left;
        }

        Node factor(int i) {
            switch (kind(i)) {
                case NUMBER:
                    return new Node(tokens.get(i).number.interval(), 0, i, words(i + 1));
                case OPEN: {
                    Node inner = expression(words(i + 1));
                    if (inner == null || kind(inner.to) != Kind.CLOSE) {
                        return null;
                    }
                    return new Node(inner.value, inner.operators, i, words(inner.to + 1));
                }
                case MAX: {
                    Node a = expression(i + 1);
                    if (a == null || kind(a.to) != Kind.COMMA) {
                        return null;
                    }
                    Node b = expression(a.to + 1);
                    if (b == null || kind(b.to) != Kind.CLOSE) {
                        return null;
                    }
                    return new Node(a.value.max(b.value), a.operators + b.operators + 1, i, words(b.to + 1));
                }
                default:
                    return null;
            }
        }

        String printed(Node n) {
            int end = tokens.get(n.to - 1).end;
            return text.substring(tokens.get(n.from).start, end).replaceAll("\\s+", " ");
        }

        Found find() {
            List<Formula> formulas = new ArrayList<>();
            List<Expression> expressions = new ArrayList<>();
            int i = 0;
            while (i < tokens.size()) {
                Kind k = kind(i);
                Node e = k == Kind.NUMBER || k == Kind.OPEN || k == Kind.MAX ? expression(i) : null;
                if (e == null) {
                    i++;
                } else if (e.operators > 0) {
                    i = chain(e, formulas, expressions);
                } else {
                    i = resultBeforeItsFormula(e, formulas);
                }
            }
            return new Found(List.copyOf(formulas), List.copyOf(expressions));
        }

        /** "A op B = C op D = R": every expression of the chain must give R; no R, and the last is kept apart. */
        int chain(Node first, List<Formula> formulas, List<Expression> expressions) {
            List<Node> items = new ArrayList<>(List.of(first));
            int j = first.to;
            while (kind(j) == Kind.EQUALS) {
                Node next = expression(j + 1);
                if (next == null) {
                    break;
                }
                items.add(next);
                j = next.to;
            }
            Node last = items.get(items.size() - 1);
            if (last.operators == 0 && items.size() > 1) {
                Printed result = tokens.get(last.from).number;
                for (Node n : items.subList(0, items.size() - 1)) {
                    if (n.operators > 0) {
                        formulas.add(new Formula(printed(n) + " = " + result.text(), n.value, result));
                    }
                }
            } else {
                expressions.add(new Expression(printed(last), last.value));
            }
            return j;
        }

        /** "R words (A op B)": a result, a few words, then its formula alone in parentheses. */
        int resultBeforeItsFormula(Node result, List<Formula> formulas) {
            int open = result.to;
            if (kind(open) == Kind.OPEN) {
                Node inner = expression(words(open + 1));
                if (inner != null && inner.operators > 0 && kind(inner.to) == Kind.CLOSE) {
                    Printed r = tokens.get(result.from).number;
                    formulas.add(new Formula(r.text() + " (" + printed(inner) + ")", inner.value, r));
                    return inner.to + 1;
                }
            }
            return result.from + 1;
        }
    }

    /** The formulas and the result-less expressions of a text. */
    static Found in(String text) {
        return new Parser(text).find();
    }
}
