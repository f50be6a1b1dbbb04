package lab.roofline.cli;

/**
 * A range of real values, what a number printed rounded stands for, and the arithmetic on such ranges (interval
 * arithmetic): NaN ends when it has no answer (a division by a range holding 0).
 */
record ValueRange(double low, double high) {
    static ValueRange of(double value, double halfWidth) {
        return new ValueRange(value - halfWidth, value + halfWidth);
    }

    ValueRange plus(ValueRange o) {
        return new ValueRange(low + o.low, high + o.high);
    }

    ValueRange minus(ValueRange o) {
        return new ValueRange(low - o.high, high - o.low);
    }

    ValueRange times(ValueRange o) {
        double a = low * o.low, b = low * o.high, c = high * o.low, d = high * o.high;
        return new ValueRange(Math.min(Math.min(a, b), Math.min(c, d)), Math.max(Math.max(a, b), Math.max(c, d)));
    }

    ValueRange dividedBy(ValueRange o) {
        if (o.low <= 0 && o.high >= 0) {
            return new ValueRange(Double.NaN, Double.NaN);
        }
        return times(new ValueRange(1 / o.high, 1 / o.low));
    }

    ValueRange max(ValueRange o) {
        return new ValueRange(Math.max(low, o.low), Math.max(high, o.high));
    }

    double middle() {
        return (low + high) / 2;
    }

    /** Whether a printed value lies in this range widened by a slack either side. */
    boolean contains(double value, double slack) {
        return value >= low - slack && value <= high + slack;
    }
}
