package lab.roofline.io.files;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * The application icon's PNG sizes, drawn from its SVG source (dist/roofline-lab.svg) with Java 2D, headless:
 * the build makes them (the window's icon in the jar, the installers' icons), so the SVG is the one source.
 * It reads the few elements that file uses (rect with rx, line, polyline, circle; fill, stroke, stroke-width)
 * and refuses any other, so an edit the drawing would silently leave out fails the build instead.
 */
public final class IconRaster {
    /** The sizes the window, the task bar, the desktop entry and the installers ask for. */
    public static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512);

    private static final Pattern ELEMENT = Pattern.compile("<(\\w+)([^>]*?)/?>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w-]+)=\"([^\"]*)\"");

    private IconRaster() {
    }

    /** Writes roofline-lab-N.png for every size into a folder: {@code IconRaster SVG FOLDER}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: IconRaster ICON.svg OUTPUT-FOLDER");
        }
        System.setProperty("java.awt.headless", "true");
        String svg = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        Path folder = Files.createDirectories(Path.of(args[1]));
        for (int size : SIZES) {
            ImageIO.write(draw(svg, size), "png", folder.resolve("roofline-lab-" + size + ".png").toFile());
        }
    }

    /** The icon at a size (square, with transparency), from the SVG's text. */
    public static BufferedImage draw(String svg, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            Matcher element = ELEMENT.matcher(svg.replaceAll("(?s)<!--.*?-->", ""));
            while (element.find()) {
                String name = element.group(1);
                Map<String, String> a = attributes(element.group(2));
                if (name.equals("svg")) {
                    double viewBox = Double.parseDouble(a.getOrDefault("viewBox", "0 0 256 256").split("\\s+")[2]);
                    g.scale(size / viewBox, size / viewBox);
                    continue;
                }
                drawElement(g, name, a);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void drawElement(Graphics2D g, String name, Map<String, String> a) {
        switch (name) {
            case "rect" -> fill(g, a, new RoundRectangle2D.Double(n(a, "x"), n(a, "y"), n(a, "width"),
                    n(a, "height"), 2 * n(a, "rx"), 2 * n(a, "rx")));
            case "circle" -> fill(g, a, new Ellipse2D.Double(n(a, "cx") - n(a, "r"), n(a, "cy") - n(a, "r"),
                    2 * n(a, "r"), 2 * n(a, "r")));
            case "line" -> stroke(g, a, new Line2D.Double(n(a, "x1"), n(a, "y1"), n(a, "x2"), n(a, "y2")));
            case "polyline" -> {
                String[] xy = a.getOrDefault("points", "").trim().split("[\\s,]+");
                Path2D.Double path = new Path2D.Double();
                for (int i = 0; i + 1 < xy.length; i += 2) {
                    double x = Double.parseDouble(xy[i]);
                    double y = Double.parseDouble(xy[i + 1]);
                    if (i == 0) {
                        path.moveTo(x, y);
                    } else {
                        path.lineTo(x, y);
                    }
                }
                stroke(g, a, path);
            }
            default -> throw new IllegalArgumentException("the icon's SVG uses <" + name
                    + ">, which IconRaster does not draw (rect, line, polyline and circle only)");
        }
    }

    private static void fill(Graphics2D g, Map<String, String> a, Shape shape) {
        if (!a.getOrDefault("fill", "none").equals("none")) {
            g.setColor(Color.decode(a.get("fill")));
            g.fill(shape);
        }
        if (a.containsKey("stroke")) {
            stroke(g, a, shape);
        }
    }

    private static void stroke(Graphics2D g, Map<String, String> a, Shape shape) {
        g.setColor(Color.decode(a.get("stroke")));
        g.setStroke(new BasicStroke((float) n(a, "stroke-width"), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(shape);
    }

    private static double n(Map<String, String> a, String name) {
        return Double.parseDouble(a.getOrDefault(name, "0"));
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> a = new HashMap<>();
        Matcher m = ATTRIBUTE.matcher(text);
        while (m.find()) {
            a.put(m.group(1), m.group(2));
        }
        return a;
    }
}
