package lab.roofline.engine.serving;

/**
 * A device you own instead of rent, as an hourly price: its purchase spread evenly over its service life,
 * plus the electricity it draws (docs/model.md, "The planner").
 *
 * @param purchaseUsd   what one device costs to buy (with its share of the server)
 * @param lifetimeYears the years it serves before it is replaced
 * @param powerWatts    what it draws at work (board power, with its share of the server and cooling)
 * @param usdPerKwh     the price of electricity
 */
public record OwnedHardware(double purchaseUsd, double lifetimeYears, double powerWatts, double usdPerKwh) {
    /** Hours in a year of 365.25 days. */
    public static final double HOURS_PER_YEAR = 8766;

    public OwnedHardware {
        if (!(purchaseUsd > 0) || !(lifetimeYears > 0) || !(powerWatts >= 0) || !(usdPerKwh >= 0)
                || Double.isInfinite(purchaseUsd + lifetimeYears + powerWatts + usdPerKwh)) {
            throw new IllegalArgumentException("owned hardware needs a purchase price and a lifetime above zero, "
                    + "and a power and an electricity price of zero or more");
        }
    }

    /** purchase ÷ (lifetime × 8,766 h) + power × electricity. */
    public double usdPerHour() {
        return purchaseUsd / (lifetimeYears * HOURS_PER_YEAR) + powerWatts / 1000 * usdPerKwh;
    }
}
