package lab.roofline.engine;

/**
 * What one device draws (docs/model.md, "Energy"): its board power at full load (the vendor's TDP or maximum
 * board power) and at idle. Between them, power follows the busier of the device's two engines: the fraction
 * of peak FLOP/s or of peak bandwidth a phase keeps busy.
 *
 * @param fullLoadWatts board power at full load
 * @param idleWatts     board power with the model loaded and nothing to do
 */
public record BoardPower(double fullLoadWatts, double idleWatts) {
    /**
     * Idle as a share of full load when a profile gives only its full-load figure: an H100 SXM idles at about
     * 70 W of its 700 W, an A100 SXM at about 50-60 W of 400 W (docs/model.md, "Energy").
     */
    public static final double DEFAULT_IDLE_SHARE = 0.15;

    public BoardPower {
        if (!(fullLoadWatts > 0) || !(idleWatts >= 0) || idleWatts > fullLoadWatts || Double.isInfinite(fullLoadWatts)) {
            throw new IllegalArgumentException("board power needs a full-load figure above zero and an idle figure "
                    + "from zero to the full-load one, got " + fullLoadWatts + " W and " + idleWatts + " W");
        }
    }

    /** Full load only: idle at {@link #DEFAULT_IDLE_SHARE} of it. */
    public static BoardPower ofFullLoad(double fullLoadWatts) {
        return new BoardPower(fullLoadWatts, fullLoadWatts * DEFAULT_IDLE_SHARE);
    }

    /** idle + (full − idle) × busy, busy clamped to [0, 1]. */
    public double wattsAt(double busy) {
        double b = Math.max(0, Math.min(1, busy));
        return idleWatts + (fullLoadWatts - idleWatts) * b;
    }

    /**
     * A phase's draw per device: busy is the larger of its compute utilization and its bandwidth utilization
     * (each over the nominal peaks of all devices, so per device too).
     */
    public double wattsDuring(PhaseCost phase) {
        return wattsAt(busy(phase));
    }

    /** The busier engine's share of its peak during the phase. */
    public static double busy(PhaseCost phase) {
        return Math.max(phase.computeUtilization(), phase.bandwidthUtilization());
    }

    /** Joules per token of the phase on {@code devices} devices: watts × devices × seconds ÷ tokens. */
    public double joulesPerToken(PhaseCost phase, int devices) {
        return wattsDuring(phase) * devices * phase.seconds() / phase.tokens();
    }

    /** Electricity per million tokens: J/token × 10^6 ÷ 3.6 × 10^6 J/kWh × $/kWh. */
    public static double usdPerMillionTokens(double joulesPerToken, double usdPerKwh) {
        return joulesPerToken * 1e6 / 3.6e6 * usdPerKwh;
    }
}
