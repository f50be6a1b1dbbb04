package lab.roofline.engine.roofline;

import java.util.Locale;

/**
 * Speculative decoding (docs/model.md, "Speculative decoding"): a small draft model proposes
 * {@code draftTokens} tokens one step at a time, and the target model checks all of them, plus one of its
 * own, in a single forward pass. Each proposed token is accepted with probability {@code acceptanceRate},
 * independently, until the first rejection; the target's pass always yields one token more.
 *
 * @param draftTokens    k, tokens the draft proposes per target step (0: off)
 * @param acceptanceRate a, the chance the target accepts a draft token, 0 to 1
 * @param draftModel     the draft, run on the same devices at the same precision and batch; null when off
 */
public record Speculation(int draftTokens, double acceptanceRate, ModelSpec draftModel) {
    /** No draft: one token per target step. */
    public static final Speculation NONE = new Speculation(0, 0, null);
    /** What a draft starts with when it is turned on without numbers of its own. */
    public static final int DEFAULT_DRAFT_TOKENS = 4;
    public static final double DEFAULT_ACCEPTANCE_RATE = 0.7;

    public Speculation {
        ScenarioLimits.check(ScenarioLimits.DRAFT_TOKENS, draftTokens);
        ScenarioLimits.check(ScenarioLimits.ACCEPTANCE_RATE, acceptanceRate);
        if (draftTokens > 0 && draftModel == null) {
            throw new IllegalArgumentException("Speculative decoding needs a draft model");
        }
    }

    public boolean isOn() {
        return draftTokens > 0;
    }

    /** Tokens the target checks per sequence in one step: k + 1. */
    public int verifiedTokens() {
        return draftTokens + 1;
    }

    /**
     * Tokens a sequence gains per target step: 1 + a + a² + … + a^k = (1 − a^(k+1)) / (1 − a), k + 1 at a = 1.
     */
    public double expectedTokensPerStep() {
        double a = acceptanceRate;
        return a >= 1 ? draftTokens + 1 : (1 - Math.pow(a, draftTokens + 1)) / (1 - a);
    }

    /** "k = 4, a = 0.7 (Llama-3.2-1B)" */
    public String describe() {
        return isOn() ? String.format(Locale.ROOT, "k = %d, a = %.2f (%s draft)", draftTokens, acceptanceRate,
                draftModel.name()) : "off";
    }
}
