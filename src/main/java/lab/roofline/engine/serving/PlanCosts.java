package lab.roofline.engine.serving;

/** Dollars per million input, output and blended tokens. */
record PlanCosts(double input, double output, double blended) {
}
