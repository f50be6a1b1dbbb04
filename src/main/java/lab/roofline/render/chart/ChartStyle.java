package lab.roofline.render.chart;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableDoubleProperty;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableDoubleProperty;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import lab.roofline.render.layout.ChartColor;

/**
 * A chart's look from CSS (styles/*.css): each colour role's colour and the text size, as styleable
 * properties, so a theme restyles every chart.
 */
final class ChartStyle {
    /** Each colour role's CSS property on a chart: the theme's token, with the role's fallback. */
    private static final Map<ChartColor, CssMetaData<CanvasChart, Color>> COLOR_META = colorMeta();

    private static Map<ChartColor, CssMetaData<CanvasChart, Color>> colorMeta() {
        Map<ChartColor, CssMetaData<CanvasChart, Color>> meta = new EnumMap<>(ChartColor.class);
        for (ChartColor c : ChartColor.values()) {
            meta.put(c, new CssMetaData<>(c.cssProperty(), StyleConverter.getColorConverter(), Color.web(c.fallback())) {
                @Override
                public boolean isSettable(CanvasChart chart) {
                    return true;
                }

                @Override
                public StyleableProperty<Color> getStyleableProperty(CanvasChart chart) {
                    return chart.style().colors.get(c);
                }
            });
        }
        return meta;
    }

    private static final CssMetaData<CanvasChart, Number> FONT_SIZE = new CssMetaData<>("-rl-chart-font-size",
            StyleConverter.getSizeConverter(), 13) {
        @Override
        public boolean isSettable(CanvasChart chart) {
            return true;
        }

        @Override
        public StyleableProperty<Number> getStyleableProperty(CanvasChart chart) {
            return chart.style().fontSize;
        }
    };

    /** What CSS may set on a chart: a region's properties, the colour roles and the text size. */
    static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA = cssMetaData();

    private static List<CssMetaData<? extends Styleable, ?>> cssMetaData() {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Region.getClassCssMetaData());
        for (ChartColor c : ChartColor.values()) {
            all.add(COLOR_META.get(c));
        }
        all.add(FONT_SIZE);
        return List.copyOf(all);
    }

    private final Map<ChartColor, StyleableObjectProperty<Color>> colors = new EnumMap<>(ChartColor.class);
    private final StyleableDoubleProperty fontSize;

    /** The chart's properties, each calling {@code restyled} when a theme changes it. */
    ChartStyle(CanvasChart chart, InvalidationListener restyled) {
        fontSize = new SimpleStyleableDoubleProperty(FONT_SIZE, chart, "chartFontSize", 13.0);
        for (ChartColor c : ChartColor.values()) {
            StyleableObjectProperty<Color> property = new SimpleStyleableObjectProperty<>(COLOR_META.get(c), chart,
                    c.name(), COLOR_META.get(c).getInitialValue(chart));
            property.addListener(restyled);
            colors.put(c, property);
        }
        fontSize.addListener(restyled);
    }

    Color color(ChartColor c) {
        return colors.get(c).get();
    }

    double fontSize() {
        return fontSize.get();
    }
}
