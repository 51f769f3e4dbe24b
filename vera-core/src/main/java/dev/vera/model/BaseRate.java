package dev.vera.model;

/**
 * Re-expressing a probability for a feed with another share of fake (a prior shift): with the
 * class-conditional evidence unchanged, the log-odds move by {@code logit(to) - logit(from)}.
 */
public final class BaseRate {
  private BaseRate() {}

  /**
   * Checks a base rate given by a user.
   *
   * @throws IllegalArgumentException unless it lies strictly between 0 and 1
   */
  public static double check(double rate) {
    if (!(rate > 0 && rate < 1)) {
      throw new IllegalArgumentException(
          "a base rate must lie strictly between 0 and 1, was " + rate);
    }
    return rate;
  }

  /**
   * The log-odds shift from a feed with share {@code from} of fake to one with share {@code to}.
   */
  public static double shift(double to, double from) {
    return LogisticFit.logit(to) - LogisticFit.logit(from);
  }

  /** {@code p}, computed at base rate {@code from}, re-expressed at base rate {@code to}. */
  public static double reexpress(double p, double from, double to) {
    return LogisticFit.sigmoid(LogisticFit.logit(p) + shift(to, from));
  }
}
