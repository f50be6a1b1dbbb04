package lab.roofline.render.layout;

/** Maps a value range onto pixels on a log10 (or linear) scale. Pure arithmetic, no toolkit. */
public record LogScale(double min, double max, double pixelStart, double pixelEnd, boolean logarithmic) {

    public static LogScale log(double min, double max, double pixelStart, double pixelEnd) {
        return new LogScale(min, max, pixelStart, pixelEnd, true);
    }

    public static LogScale linear(double min, double max, double pixelStart, double pixelEnd) {
        return new LogScale(min, max, pixelStart, pixelEnd, false);
    }

    /** Pixel of a value; values outside the range map outside the pixel range. */
    public double toPixel(double value) {
        double f = logarithmic
                ? (Math.log10(value) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
                : (value - min) / (max - min);
        return pixelStart + f * (pixelEnd - pixelStart);
    }

    /** Pixel of a value, kept inside the pixel range. */
    public double toPixelClamped(double value) {
        double p = toPixel(Math.max(Double.MIN_NORMAL, value));
        double lo = Math.min(pixelStart, pixelEnd);
        double hi = Math.max(pixelStart, pixelEnd);
        return Math.max(lo, Math.min(hi, p));
    }

    public double toValue(double pixel) {
        double f = (pixel - pixelStart) / (pixelEnd - pixelStart);
        return logarithmic
                ? Math.pow(10, Math.log10(min) + f * (Math.log10(max) - Math.log10(min)))
                : min + f * (max - min);
    }
}
