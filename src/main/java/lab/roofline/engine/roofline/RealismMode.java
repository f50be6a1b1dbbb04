package lab.roofline.engine.roofline;

/** Where the efficiencies come from: the ideal roofline, measured fractions, or the user's own. */
public enum RealismMode {
    IDEAL("Ideal"), REALISTIC("Realistic (measured)"), CUSTOM("Custom");

    private final String label;

    RealismMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
