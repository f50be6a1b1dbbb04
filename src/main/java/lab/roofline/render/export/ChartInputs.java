package lab.roofline.render.export;

import java.util.List;
import java.util.Objects;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.serving.Frontier;
import lab.roofline.engine.serving.RatioReference;
import lab.roofline.explain.Explanation.Topic;
import lab.roofline.render.layout.ChartPin;

/**
 * What an exported chart or page is drawn from, all computed before: the renderer only draws it, so the
 * window and the command line get one picture from one set of numbers.
 *
 * @param evaluation  the live scenario's evaluation
 * @param references  the public APIs' price ratios the utilization and cost charts mark
 * @param pins        scenarios drawn beside the live one and named in the caption (empty: none)
 * @param profiles    the devices the hardware landscape shows (empty: only the live scenario's)
 * @param frontier    the latency-cost frontier the frontier chart draws, under the caller's serving settings
 *                    (null for the other kinds; required for {@link ChartKind#FRONTIER})
 * @param highlight   the topic whose chart element is ringed, as the lesson rings it (null: none)
 * @param stylesheets the theme's stylesheets
 */
public record ChartInputs(Evaluation evaluation, List<RatioReference> references, List<ChartPin> pins,
                          List<HardwareProfile> profiles, Frontier frontier, Topic highlight,
                          List<String> stylesheets) {
    public ChartInputs {
        Objects.requireNonNull(evaluation, "evaluation");
        references = List.copyOf(references);
        pins = List.copyOf(pins);
        profiles = List.copyOf(profiles);
        stylesheets = List.copyOf(stylesheets);
    }

    /** The live scenario alone: no pins, no other devices, no frontier and nothing ringed. */
    public static ChartInputs of(Evaluation evaluation, List<RatioReference> references, List<String> stylesheets) {
        return new ChartInputs(evaluation, references, List.of(), List.of(), null, null, stylesheets);
    }

    public ChartInputs withPins(List<ChartPin> pins) {
        return new ChartInputs(evaluation, references, pins, profiles, frontier, highlight, stylesheets);
    }

    public ChartInputs withProfiles(List<HardwareProfile> profiles) {
        return new ChartInputs(evaluation, references, pins, profiles, frontier, highlight, stylesheets);
    }

    public ChartInputs withFrontier(Frontier frontier) {
        return new ChartInputs(evaluation, references, pins, profiles, frontier, highlight, stylesheets);
    }

    public ChartInputs withHighlight(Topic highlight) {
        return new ChartInputs(evaluation, references, pins, profiles, frontier, highlight, stylesheets);
    }
}
