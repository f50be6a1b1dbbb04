package lab.roofline.render.layout;


/**
 * How a pinned scenario looks on every chart: a colour, a line pattern and a marker shape. The pattern and
 * the shape alone tell the four apart, so a chart printed in greyscale or seen by a colour-blind viewer
 * still reads; the colours (a theme's tokens) are chosen away from the live scenario's.
 */
public enum PinStyle {
    SQUARE(ChartColor.PIN_1, new double[] {14, 5}, "■", "teal, long dashes"),
    TRIANGLE(ChartColor.PIN_2, new double[] {2.5, 3.5}, "▲", "magenta, dotted"),
    INVERTED_TRIANGLE(ChartColor.PIN_3, new double[] {10, 4, 2.5, 4}, "▼", "ochre, dash-dot"),
    STAR(ChartColor.PIN_4, new double[] {4.5, 3.5}, "★", "ink, short dashes");

    private final ChartColor color;
    private final double[] dashes;
    private final String glyph;
    private final String description;

    PinStyle(ChartColor color, double[] dashes, String glyph, String description) {
        this.color = color;
        this.dashes = dashes;
        this.glyph = glyph;
        this.description = description;
    }

    /** The look in words, for a menu: "teal, dashed". */
    public String description() {
        return description;
    }

    /** The style of a pin's colour index (0-3); indexes out of range wrap, so a pin is never unstyled. */
    public static PinStyle of(int index) {
        PinStyle[] all = values();
        return all[Math.floorMod(index, all.length)];
    }

    public ChartColor color() {
        return color;
    }

    /** The line pattern of the pin's roofs and curves (dash, gap, ...). */
    public double[] dashes() {
        return dashes.clone();
    }

    /** The marker as a character, for keys, tables and menus. */
    public String glyph() {
        return glyph;
    }

    /**
     * The marker's outline centred on (x, y), about {@code radius} from centre to edge: a polygon as
     * {xs, ys}, for a pen to fill and stroke.
     */
    public double[][] outline(double x, double y, double radius) {
        double r = radius;
        double[] xs;
        double[] ys;
        switch (this) {
            case SQUARE -> {
                double s = r * 0.85;
                xs = new double[] {x - s, x + s, x + s, x - s};
                ys = new double[] {y - s, y - s, y + s, y + s};
            }
            case TRIANGLE -> {
                xs = new double[] {x, x + r * 1.05, x - r * 1.05};
                ys = new double[] {y - r * 1.1, y + r * 0.75, y + r * 0.75};
            }
            case INVERTED_TRIANGLE -> {
                xs = new double[] {x - r * 1.05, x + r * 1.05, x};
                ys = new double[] {y - r * 0.75, y - r * 0.75, y + r * 1.1};
            }
            default -> {
                xs = new double[10];
                ys = new double[10];
                for (int i = 0; i < 10; i++) {
                    double a = -Math.PI / 2 + i * Math.PI / 5;
                    double rr = i % 2 == 0 ? r * 1.2 : r * 0.5;
                    xs[i] = x + rr * Math.cos(a);
                    ys[i] = y + rr * Math.sin(a);
                }
            }
        }
        return new double[][] {xs, ys};
    }
}
