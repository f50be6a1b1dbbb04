package lab.roofline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.RooflineEngine;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.scenario.NamedScenario;
import lab.roofline.engine.serving.Frontier;
import lab.roofline.engine.serving.RatioReference;
import lab.roofline.engine.serving.ServingSettings;
import lab.roofline.io.data.ApiPriceLoader;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.render.export.ChartInputs;
import lab.roofline.render.export.ChartKind;
import lab.roofline.render.export.ChartRenderer;
import lab.roofline.render.export.ExportFormat;
import lab.roofline.render.export.ExportSize;
import lab.roofline.render.layout.ChartPin;
import lab.roofline.render.layout.PinStyle;
import lab.roofline.render.theme.Theme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** Renders a chart to PNG or SVG with no display (headless JavaFX). */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a chart or the whole dashboard as PNG or SVG (from the file's extension), with no display.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;
    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--chart", required = true, paramLabel = "KIND",
            description = "roofline, utilization, cost, dashboard, landscape (every device, at the scenario's math "
                    + "precision) or frontier (the latency-cost frontier, with --ttft-ms, --tpot-ms, --cached-input, "
                    + "--disaggregated).")
    String chart;

    @Option(names = "--ttft-ms", paramLabel = "MS", description = "Frontier: the time-to-first-token limit; 'none' for none. Default: 500.")
    String ttftMs;
    @Option(names = "--tpot-ms", paramLabel = "MS", description = "Frontier: the time-per-output-token limit; 'none' for none. Default: 50.")
    String tpotMs;
    @Option(names = "--cached-input", paramLabel = "F", description = "Frontier: share of input tokens from a prefix cache, 0 to 0.99. Default: 0.")
    String cachedInput;
    @Option(names = "--disaggregated", description = "Frontier: prefill on devices of its own.")
    boolean disaggregated;

    @Option(names = "--out", required = true, paramLabel = "FILE.png|FILE.svg",
            description = "Where to write it; .png for a picture, .svg for a vector drawing with editable text.")
    Path out;

    @Option(names = "--scale", defaultValue = "2", paramLabel = "S", description = "1, 2 or 3. Default: ${DEFAULT-VALUE}.")
    String scaleText;

    @Option(names = "--size", defaultValue = "1920x1080", paramLabel = "WxH",
            description = "Layout size before scaling, 480x320 to 7680x4320 (4:3 slides: 1600x1200; a dashboard "
                    + "at least 960x600; size x scale at most 7680x4320 pixels). "
                    + "Default: ${DEFAULT-VALUE}.")
    String sizeText;

    @Option(names = "--theme", defaultValue = "light", paramLabel = "THEME",
            description = "light or dark. Default: ${DEFAULT-VALUE}.")
    String themeText;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        ChartKind kind = ChartKind.parse(chart).orElseThrow(() ->
                new CommandLine.ParameterException(cl, "--chart: unknown chart '" + chart
                        + "' (use roofline, utilization, cost, dashboard, landscape or frontier)"));
        if (kind != ChartKind.FRONTIER && (ttftMs != null || tpotMs != null || cachedInput != null || disaggregated)) {
            throw new CommandLine.ParameterException(cl, "--ttft-ms, --tpot-ms, --cached-input and --disaggregated "
                    + "belong to --chart frontier");
        }
        int scale = switch (scaleText.strip()) {
            case "1" -> 1;
            case "2" -> 2;
            case "3" -> 3;
            default -> throw new CommandLine.ParameterException(cl, "--scale must be 1, 2 or 3, got "
                    + Units.shortened(scaleText));
        };
        ExportSize size;
        try {
            size = ExportSize.parse(sizeText);
        } catch (IllegalArgumentException bad) {
            throw new CommandLine.ParameterException(cl, "--size: " + bad.getMessage() + ", got "
                    + Units.shortened(sizeText));
        }
        Theme theme = switch (themeText.strip().toLowerCase(Locale.ROOT)) {
            case "light" -> Theme.LIGHT;
            case "dark" -> Theme.DARK;
            default -> throw new CommandLine.ParameterException(cl, "--theme must be light or dark, got "
                    + Units.shortened(themeText));
        };
        ExportFormat format = checkOut(cl, out);
        ChartRenderer.Request request;
        try {
            request = new ChartRenderer.Request(kind, size, scale, format);
        } catch (IllegalArgumentException bad) {
            throw new CommandLine.ParameterException(cl, (bad.getMessage().contains("pixels") ? "--size and --scale: "
                    : "--size: ") + bad.getMessage());
        }
        ProfileLoader.Result profiles = scenario.loadProfiles(spec);
        Scenario s = scenario.toScenario(spec, profiles);
        scenario.modelConfigNotes().forEach(n -> spec.commandLine().getErr().println("roofline-lab: note: " + n));
        Evaluation e = RooflineEngine.evaluate(s);
        // Files are read and numbers computed here, before the toolkit starts; it only draws.
        List<RatioReference> references = references(cl, kind, s);
        // A scenario file's pins are drawn beside it, as the app draws them.
        List<NamedScenario.Pinned> pinned = scenario.pins(spec);
        List<ChartPin> pins = new ArrayList<>();
        for (int i = 0; i < pinned.size(); i++) {
            pins.add(new ChartPin(pinned.get(i).name(), PinStyle.of(pinned.get(i).colour()),
                    RooflineEngine.evaluate(scenario.pinScenario(spec, profiles, i))));
        }
        ChartInputs inputs = ChartInputs.of(e, references, theme.stylesheets()).withPins(pins)
                .withProfiles(profiles.profiles());
        if (kind == ChartKind.FRONTIER) {
            inputs = inputs.withFrontier(frontier(cl, e, pins));
        }
        ChartRenderer.writeHeadless(request, inputs, out);
        cl.getOut().println("Wrote " + RooflineCommand.printable(out.toAbsolutePath().toString()));
        return 0;
    }

    /** The API prices' ratio ticks; a broken price table is a note where the chart would show them. */
    private static List<RatioReference> references(CommandLine cl, ChartKind kind, Scenario s) {
        boolean ticks = kind == ChartKind.COST || kind == ChartKind.UTILIZATION || kind == ChartKind.DASHBOARD;
        return RatioReference.forPrices(s.withBatchSize(1), ticks ? BundledData.apiPrices(cl, "the chart")
                : ApiPriceLoader.loadBundled().prices());
    }

    /**
     * The live scenario's and the pins' curves (each pin in its own style) under the limits the options set
     * (the defaults: first token within 0.5 s, a token each 50 ms) and the rental table's prices.
     */
    private Frontier frontier(CommandLine cl, Evaluation live, List<ChartPin> pins) {
        ServingSettings d = ServingSettings.DEFAULT;
        ServingSettings settings = new ServingSettings(
                cachedInput == null ? 0 : ScenarioOptions.value(cl, "--cached-input", ScenarioLimits.CACHED_INPUT_SHARE, cachedInput),
                ScenarioOptions.limitSeconds(cl, "--ttft-ms", ttftMs, d.ttftSeconds(), "500"),
                ScenarioOptions.limitSeconds(cl, "--tpot-ms", tpotMs, d.tpotSeconds(), "50"),
                disaggregated, d.electricityUsdPerKwh());
        List<Frontier.Named> named = new ArrayList<>();
        named.add(new Frontier.Named("Live", -1, live.scenario()));
        for (ChartPin p : pins) {
            named.add(new Frontier.Named(p.name(), p.style().ordinal(), p.evaluation().scenario()));
        }
        return Frontier.of(named, settings, scenario.rentalPrices(cl));
    }


    /**
     * The format the output's extension asks for; refuses, with the reason, an output that is a folder,
     * neither .png nor .svg, or in a folder that cannot take it.
     */
    static ExportFormat checkOut(CommandLine cl, Path out) {
        if (Files.isDirectory(out)) {
            throw new CommandLine.ParameterException(cl, "--out: " + out + " is a folder; name a .png or .svg file in it");
        }
        ExportFormat format = ExportFormat.of(out).orElseThrow(() -> new CommandLine.ParameterException(cl,
                "--out must name a .png or .svg file, got " + Units.shortened(out.toString())));
        OutputTargets.checkFolder(cl, "--out", out);
        if (Files.exists(out) && !Files.isWritable(out)) {
            throw new CommandLine.ParameterException(cl, "--out: " + out + " is read-only; it was left as it is");
        }
        return format;
    }
}
