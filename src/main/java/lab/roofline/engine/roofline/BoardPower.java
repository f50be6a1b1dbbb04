package lab.roofline.engine.roofline;

/**
 * What one device draws (docs/model.md, "Energy"): its board power at full load (the vendor's TDP or maximum
 * board power) and at idle. Between them, power follows how busy the device is: its compute utilization, plus
 * {@link #MEMORY_POWER_SHARE} of its bandwidth utilization (moving bytes at full bandwidth draws about half of
 * what the math units draw at full speed), at most full load.
 *
 * @param fullLoadWatts board power at full load
 * @param idleWatts     board power with the model loaded and nothing to do
 */
public record BoardPower(double fullLoadWatts, double idleWatts) {
    /**
     * Idle as a share of full load when a profile gives only its full-load figure: measured idle with a model
     * loaded is 11-20 % of board power (H200 80 of 700 W, B200 137 of 1,000, MI355X 238 of 1,400, V100 53 of
     * 300, H100 142 of 700); the median (docs/model.md, "Energy").
     */
    public static final double DEFAULT_IDLE_SHARE = 0.17;

    /**
     * The share of the dynamic power (full load less idle) that streaming memory at full bandwidth draws: a
     * V100 decoding (memory-bound) draws 180-200 W of its 300 W with 53 W idle, (190 - 53) / (300 - 53) = 0.55;
     * prefill (compute-bound) draws 270-300 W, near full load (docs/validation.md, "Energy").
     */
    public static final double MEMORY_POWER_SHARE = 0.55;

    public BoardPower {
        if (!(fullLoadWatts > 0) || !(idleWatts >= 0) || idleWatts > fullLoadWatts || Double.isInfinite(fullLoadWatts)) {
            throw new IllegalArgumentException("board power needs a full-load figure above zero and an idle figure "
                    + "from zero to the full-load one, got " + fullLoadWatts + " W and " + idleWatts + " W");
        }
    }

    /** Full load only: idle at {@link #DEFAULT_IDLE_SHARE} of it. */
    public static BoardPower ofFullLoad(double fullLoadWatts) {
        // Rounded to a hundredth of a watt: what a profile file would say, and reads back the same.
        return new BoardPower(fullLoadWatts, Math.round(fullLoadWatts * DEFAULT_IDLE_SHARE * 100) / 100.0);
    }

    /** idle + (full − idle) × busy, busy clamped to [0, 1]. */
    public double wattsAt(double busy) {
        double b = Math.max(0, Math.min(1, busy));
        return idleWatts + (fullLoadWatts - idleWatts) * b;
    }

    /**
     * A phase's draw per device: busy is its compute utilization plus {@link #MEMORY_POWER_SHARE} of its
     * bandwidth utilization (each over the nominal peaks of all devices, so per device too).
     */
    public double wattsDuring(PhaseCost phase) {
        return wattsAt(busy(phase));
    }

    /** How busy the device is during the phase, 0 to 1: compute utilization + 0.55 × bandwidth utilization. */
    public static double busy(PhaseCost phase) {
        return Math.min(1, phase.computeUtilization() + MEMORY_POWER_SHARE * phase.bandwidthUtilization());
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
