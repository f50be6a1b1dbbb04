package lab.roofline.engine.serving;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.roofline.Units;

/**
 * Hourly prices for devices whose profile has none (data/rental-prices.json, or the user's own copy): cloud
 * on-demand or market rates, each dated and sourced, so the planner and the cost chart can price them and
 * say where the price came from.
 */
public record RentalPrices(Map<String, Rate> byGpuId) {
    public static final RentalPrices NONE = new RentalPrices(Map.of());

    /** How a price from the table is noted among a profile's sources (see {@link #tableSource}). */
    private static final String SOURCE_PREFIX = "price from the rental table: ";

    /** The note a profile priced from the table carries (its rate, kind, date and source), if it was. */
    public static Optional<String> tableSource(HardwareProfile p) {
        return p.sources().stream().filter(s -> s.startsWith(SOURCE_PREFIX)).findFirst();
    }

    /**
     * @param kind   "cloud on-demand", "market" (a marketplace's median) or "estimate"
     * @param date   when the price was read, as 2026-09-25
     */
    public record Rate(String gpuId, double usdPerHour, String kind, String date, String source) {
        public Rate {
            ScenarioLimits.check(ScenarioLimits.PRICE_USD_PER_HOUR, usdPerHour);
        }

        /**
         * The user's own price: a device they own (priced from its purchase, lifetime and power) or a price they
         * typed. It wins over a profile's price; a rental row only fills a missing one.
         */
        public boolean usersOwn() {
            return kind.startsWith("owned") || kind.equals("your price");
        }

        /** "rental table: $2.00/h, market, 2026-09-25 (source)" */
        public String describe() {
            return SOURCE_PREFIX + Units.usd(usdPerHour) + " an hour, " + kind + ", " + date + " (" + source + ")";
        }
    }

    public RentalPrices {
        byGpuId = Map.copyOf(byGpuId);
    }

    public Optional<Rate> find(String gpuId) {
        return Optional.ofNullable(byGpuId.get(gpuId));
    }

    /**
     * The one rule for a device's hourly price, everywhere (the dashboard, the planner, the serving window): the
     * row of a device the user owns; else the profile's own price (empty here); else the table's row.
     */
    public Optional<Rate> rateFor(HardwareProfile p) {
        return find(p.id()).filter(r -> p.price().isEmpty() || r.usersOwn());
    }

    /**
     * A scenario with the one price rule applied: a typed price stands; else the rate {@link #rateFor} finds
     * (an owned device's row, or the table's for a profile with no price of its own), else the profile's.
     */
    public Scenario priced(Scenario s, boolean priceTyped) {
        return priceTyped ? s : rateFor(s.gpu()).map(r -> s.withPrice(r.usdPerHour())).orElse(s);
    }

    /**
     * Profiles with a price: an owned device's from its row, else their own, else the table's (noted in the
     * profile's sources).
     */
    public List<HardwareProfile> priced(List<HardwareProfile> profiles) {
        List<HardwareProfile> out = new ArrayList<>(profiles.size());
        for (HardwareProfile p : profiles) {
            out.add(rateFor(p).map(r -> p.withPrice(r.usdPerHour(), r.describe())).orElse(p));
        }
        return List.copyOf(out);
    }
}
