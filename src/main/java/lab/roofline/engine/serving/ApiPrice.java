package lab.roofline.engine.serving;

/** A public API list price, per million tokens, read on {@code date} from {@code source}. */
public record ApiPrice(String provider, String model, double inputUsdPerMillion, double outputUsdPerMillion,
                       String date, String source) {

    public double outputToInputRatio() {
        return outputUsdPerMillion / inputUsdPerMillion;
    }

    public String label() {
        return provider + " " + model;
    }
}
