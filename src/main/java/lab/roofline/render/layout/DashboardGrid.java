package lab.roofline.render.layout;

/**
 * The dashboard's grid of charts, one definition for the window and the exported page: the roofline across
 * the top row, utilization and cost side by side below it; on a narrow window the three stacked.
 */
public final class DashboardGrid {
    private DashboardGrid() {
    }

    /** Side by side: the utilization chart's column and the cost chart's, in percent of the width. */
    public static final double LEFT_COLUMN_PERCENT = 55;
    public static final double RIGHT_COLUMN_PERCENT = 45;
    /** Side by side: the roofline's row and the row below it, in percent of the height. */
    public static final double TOP_ROW_PERCENT = 56;
    public static final double BOTTOM_ROW_PERCENT = 44;
    /** Stacked: the roofline's row, then utilization's and cost's, in percent of the height. */
    public static final double STACKED_ROOFLINE_ROW_PERCENT = 40;
    public static final double STACKED_ROW_PERCENT = 30;
    /** The gap between charts and the page's margin at 100 % text, in pixels: both grow with the text. */
    public static final double GAP_PX = 12;
    public static final double MARGIN_PX = 14;
}
