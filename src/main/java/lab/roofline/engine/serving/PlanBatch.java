package lab.roofline.engine.serving;

import lab.roofline.engine.roofline.PhaseCost;

/** One decode batch of a configuration: its step, its time per output token and its time to first token. */
record PlanBatch(long batch, PhaseCost step, double tpot, double ttft) {
}
