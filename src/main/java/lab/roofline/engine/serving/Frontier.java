package lab.roofline.engine.serving;

import java.util.ArrayList;
import java.util.List;
import lab.roofline.engine.roofline.RooflineEngine;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.Units;

/**
 * The latency-cost frontier the app draws (docs/model.md, "The frontier"): the live scenario's curve and
 * each pinned scenario's, as the batch sweeps from 1 to the largest that fits, under one set of serving
 * settings; each curve's own batch; and the cheapest point within the limits over all of them.
 *
 * @param cheapest the cheapest point within the limits on any curve (by blended cost), or null when none is
 */
public record Frontier(ServingSettings settings, List<Curve> curves, Marked cheapest) {
    /**
     * One scenario's curve.
     *
     * @param pinIndex   -1 for the live scenario, else the pin's place in the list
     * @param points     the sweep (empty when the scenario has no price or does not fit; {@code missing} says which)
     * @param operating  the scenario's own batch on the curve, or null when it does not fit
     * @param priceNote  where the price came from when not the scenario's own (the rental table), else empty
     * @param priced     whether the curve has costs (a scenario with no price, and none in the rental table, has
     *                   only its speeds)
     */
    public record Curve(String name, int pinIndex, Scenario scenario, Planner.Limits limits,
                        List<Planner.FrontierPoint> points, Planner.FrontierPoint operating, String missing,
                        String priceNote, boolean priced) {
        public boolean live() {
            return pinIndex < 0;
        }
    }

    /** A point and the curve it is on. */
    public record Marked(int curveIndex, Planner.FrontierPoint point) {
    }

    /** A named scenario for the frontier: the live one (pin index -1) or a pin. */
    public record Named(String name, int pinIndex, Scenario scenario) {
    }

    public static Frontier of(List<Named> scenarios, ServingSettings settings, RentalPrices rental) {
        return of(scenarios, settings, rental, null);
    }

    /**
     * As above, reusing {@code previous}'s sweep for a scenario that differs from its curve's only in the batch
     * (a batch drag moves the live point along its curve; the curve itself stays).
     */
    public static Frontier of(List<Named> scenarios, ServingSettings settings, RentalPrices rental, Frontier previous) {
        List<Curve> curves = new ArrayList<>();
        Marked cheapest = null;
        for (Named n : scenarios) {
            Scenario s = n.scenario();
            String priceNote = "";
            // The rental table's price (the rule the dashboard and the planner use): filled in when the scenario has
            // none, and said so when the scenario already carries it (the dashboard priced it from the table).
            var rate = rental.rateFor(s.gpu());
            if (rate.isPresent() && (Double.isNaN(s.priceUsdPerHour()) || s.priceUsdPerHour() == rate.get().usdPerHour())) {
                s = s.withPrice(rate.get().usdPerHour());
                priceNote = "priced from the rental table: " + Units.usd(rate.get().usdPerHour()) + " an hour ("
                        + rate.get().kind() + ", " + rate.get().date() + ")";
            }
            Planner.Limits limits = settings.limitsFor(s);
            String missing = "";
            List<Planner.FrontierPoint> points = List.of();
            Planner.FrontierPoint operating = null;
            // Without a price the curve still has its speeds (tokens/s per user and per device); its costs are NaN.
            if (RooflineEngine.memory(s).maxBatch() < 1) {
                missing = s.gpu().shortName() + " × " + s.gpuCount() + ": the weights and one sequence's KV cache do not fit";
            } else {
                Scenario atOne = s.withBatchSize(1);
                Curve before = previous == null || !previous.settings().equals(settings) ? null : previous.curves().stream()
                        .filter(c -> c.limits().equals(limits) && c.scenario().withBatchSize(1).equals(atOne)
                                && !c.points().isEmpty()).findFirst().orElse(null);
                points = before != null ? before.points() : Planner.frontier(s, limits, settings.disaggregated());
                // A pin's batch does not move with the live one: its point is kept too.
                operating = before != null && before.scenario().equals(s) ? before.operating()
                        : Planner.point(s, limits, settings.disaggregated());
            }
            curves.add(new Curve(n.name(), n.pinIndex(), s, limits, points, operating, missing, priceNote,
                    !Double.isNaN(s.priceUsdPerHour())));
            // The planner's own search on this curve (one answer to "the cheapest within the limits"): the same
            // batch as the planner's for the same configuration, on the curve (the sweep passes through it).
            Planner.FrontierPoint p = points.isEmpty() ? null : Planner.cheapestWithin(s, limits, settings.disaggregated());
            if (p != null && !Double.isNaN(p.costUsdPerMillionBlended()) && (cheapest == null
                    || p.costUsdPerMillionBlended() < cheapest.point().costUsdPerMillionBlended() * (1 - 1e-6))) {
                cheapest = new Marked(curves.size() - 1, p);
            }
        }
        return new Frontier(settings, List.copyOf(curves), cheapest);
    }

    /** What a curve without a price lacks, in words for the chart and the readout. */
    public static String noPrice(Curve c) {
        return "no price for " + c.scenario().gpu().shortName() + " (type one in Price, or add it under Rental prices)";
    }

    /** The live scenario's curve, or null when there is none. */
    public Curve liveCurve() {
        return curves.stream().filter(Curve::live).findFirst().orElse(null);
    }
}
