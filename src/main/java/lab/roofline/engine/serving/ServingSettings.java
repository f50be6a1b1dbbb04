package lab.roofline.engine.serving;

import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.ScenarioLimits;

/**
 * How a model is served, beyond one scenario: the share of prompt tokens a prefix cache serves, the
 * service-level limits, whether prefill has devices of its own, and the price of electricity. The traffic's
 * tokens per request are the scenario's own prompt and generated tokens.
 *
 * @param cachedInput          share of input tokens served from a prefix cache, 0 to 0.99
 * @param ttftSeconds          time-to-first-token limit, infinity for none
 * @param tpotSeconds          time-per-output-token limit, infinity for none
 * @param disaggregated        prefill on a pool of its own (else interleaved with decode on the same devices)
 * @param electricityUsdPerKwh the price of electricity
 */
public record ServingSettings(double cachedInput, double ttftSeconds, double tpotSeconds, boolean disaggregated,
                              double electricityUsdPerKwh) {
    /** A chat service: no cache, first token within 0.5 s, 20 tokens/s per user (50 ms each), $0.12/kWh. */
    public static final ServingSettings DEFAULT = new ServingSettings(0, 0.5, 0.05, false, 0.12);

    public ServingSettings {
        ScenarioLimits.check(ScenarioLimits.CACHED_INPUT_SHARE, cachedInput);
        checkLimit(ttftSeconds);
        checkLimit(tpotSeconds);
        ScenarioLimits.check(ScenarioLimits.ELECTRICITY_USD_PER_KWH, electricityUsdPerKwh);
    }

    private static void checkLimit(double seconds) {
        if (!Double.isInfinite(seconds) || seconds < 0) {
            ScenarioLimits.check(ScenarioLimits.LIMIT_MILLISECONDS, seconds * 1e3);
        }
    }

    /** The planner's limits for a scenario's traffic. */
    public Planner.Limits limitsFor(Scenario s) {
        return new Planner.Limits(s.promptTokens(), s.generatedTokens(), cachedInput, ttftSeconds, tpotSeconds);
    }

    public ServingSettings withCachedInput(double share) {
        return new ServingSettings(share, ttftSeconds, tpotSeconds, disaggregated, electricityUsdPerKwh);
    }

    public ServingSettings withLimits(double ttft, double tpot) {
        return new ServingSettings(cachedInput, ttft, tpot, disaggregated, electricityUsdPerKwh);
    }

    public ServingSettings withDisaggregated(boolean split) {
        return new ServingSettings(cachedInput, ttftSeconds, tpotSeconds, split, electricityUsdPerKwh);
    }

    public ServingSettings withElectricity(double usdPerKwh) {
        return new ServingSettings(cachedInput, ttftSeconds, tpotSeconds, disaggregated, usdPerKwh);
    }
}
