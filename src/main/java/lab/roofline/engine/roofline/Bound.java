package lab.roofline.engine.roofline;

/** Which roof limits a piece of work. */
public enum Bound {
    MEMORY("memory-bound"),
    COMPUTE("compute-bound"),
    /** Only a whole step's: collectives between devices take longer than its compute or memory traffic. */
    COMMUNICATION("communication-bound");

    private final String label;

    Bound(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** For a narrow tile: "link-bound" for communication, the label otherwise. */
    public String shortLabel() {
        return this == COMMUNICATION ? "link-bound" : label;
    }
}
