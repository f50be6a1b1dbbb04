package lab.roofline.engine.roofline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an evaluation says in words beside its numbers: a precision the device does not run, what does not
 * fit and what would, a context past the model's, a split the heads do not take, a draft that does not pay.
 */
final class EvaluationNotices {
    private EvaluationNotices() {
    }

    static List<String> of(Scenario s, EvaluationSetup setup, Evaluation.MemoryUse memory, PhaseCost decode,
                           double context) {
        List<String> notices = new ArrayList<>();
        if (setup.computePrecision != s.requestedComputePrecision()) {
            Precision asked = s.requestedComputePrecision();
            notices.add(s.gpu().runsNatively(asked)
                    ? s.gpu().name() + " runs " + asked.label() + " math at " + Units.si(s.gpu().peakFlopsPerSecond().get(asked), "FLOP/s")
                    + ", slower than " + setup.computePrecision.label() + " ("
                    + Units.si(s.gpu().peakFlopsPerSecond().get(setup.computePrecision), "FLOP/s") + "): using "
                    + setup.computePrecision.label() + " math"
                    : s.gpu().name() + " has no " + asked.label() + " peak: using " + setup.computePrecision.label());
        }
        if (setup.attentionPrecision != setup.requestedAttentionPrecision) {
            notices.add("Attention math runs at " + setup.attentionPrecision.label() + " ("
                    + s.gpu().name() + " has no " + setup.requestedAttentionPrecision.label() + ")");
        }
        memory(s, memory, Evaluation.devicesToFit(memory, s.gpuCount()), notices);
        long fullContext = s.promptTokens() + s.generatedTokens();
        if (s.model().maxContextTokens() > 0 && fullContext > s.model().maxContextTokens()) {
            notices.add(String.format(Locale.ROOT, "%s takes at most %,d tokens of context; this scenario has "
                    + "%,d (prompt + generated)", s.model().name(), s.model().maxContextTokens(), fullContext));
        }
        int tensor = s.tensorParallel();
        if (tensor > 1 && s.model().attentionHeads() % tensor != 0) {
            notices.add("TP" + tensor + " does not divide " + s.model().name() + "'s " + s.model().attentionHeads()
                    + " attention heads evenly: serving engines need it to");
        } else if (tensor > s.model().kvHeads() && !s.model().attention().isLatent()) {
            notices.add("TP" + tensor + " is more devices than " + s.model().name() + "'s " + s.model().kvHeads()
                    + " KV heads: engines then copy KV heads onto several devices, which is not counted here");
        }
        if (s.gpuCount() > 1 && s.gpu().interconnect() == null) {
            notices.add(s.gpu().name() + " names no interconnect: communication assumes PCIe Gen4 x16 (32 GB/s)");
        }
        if (s.speculation().isOn()) {
            // Speculation pays only when the tokens a step yields outweigh the draft and the wider pass.
            PhaseCost plain = RooflineEngine.decodeStep(s.withSpeculation(Speculation.NONE), s.batchSize(), context);
            double with = decode.seconds() / (decode.tokens() / decode.sequences());
            if (with > plain.seconds()) {
                notices.add(String.format(Locale.ROOT, "Speculative decoding is slower here: %s per token "
                        + "against %s without the draft (%s tokens per step at batch %,d)", Units.seconds(with),
                        Units.seconds(plain.seconds()), Units.sig3(s.speculation().expectedTokensPerStep()), s.batchSize()));
            }
        }
        if (s.speculation().isOn() && s.speculation().draftModel().totalParameters() >= s.model().totalParameters()) {
            notices.add("The draft " + s.speculation().draftModel().name() + " is not smaller than " + s.model().name()
                    + ": speculative decoding pays only with a much smaller draft");
        }
        if (!s.gpu().whatIf().isNone()) {
            notices.add("What-if: " + s.gpu().name() + " is not a real device (priced as the real one)");
        }
        return notices;
    }

    private static void memory(Scenario s, Evaluation.MemoryUse mem, long devicesToFit, List<String> notices) {
        if (mem.fits()) {
            return;
        }
        String capacity = Units.si(mem.capacityBytes(), "B");
        String devices = String.format(Locale.ROOT, "%,d", devicesToFit) + " × " + s.gpu().name();
        if (!mem.weightsFit()) {
            notices.add("Weights alone (" + Units.si(mem.weightBytes(), "B") + ") do not fit in " + capacity
                    + ": needs at least " + String.format(Locale.ROOT, "%,d", mem.minDevicesForWeights()) + " × "
                    + s.gpu().name() + (devicesToFit > mem.minDevicesForWeights() ? " (" + devices + " with the KV cache)" : ""));
        } else if (mem.maxBatch() == 0) {
            // The weights fit; the cause is the context: one sequence's cache has no room beside them.
            double perSequence = mem.kvCacheBytes() / s.batchSize();
            notices.add("One sequence's KV cache (" + Units.si(perSequence, "B") + " at "
                    + String.format(Locale.ROOT, "%,d", s.promptTokens() + s.generatedTokens())
                    + " tokens) does not fit beside the weights (" + Units.si(mem.weightBytes(), "B") + ") in " + capacity
                    + ": needs " + devices + ", a shorter context or a narrower KV cache");
        } else {
            notices.add("Does not fit in " + capacity + " at batch " + String.format(Locale.ROOT, "%,d", s.batchSize()) + ": needs "
                    + Units.si(mem.totalBytes(), "B") + " (largest batch that fits: " + String.format(Locale.ROOT, "%,d", mem.maxBatch()) + ")");
        }
    }
}
