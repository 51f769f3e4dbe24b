package dev.vera.eval;

/**
 * One equal-width bin of the fake probability for a reliability diagram. The first bin holds both
 * its ends, every other bin {@code (lower, upper]}.
 *
 * @param lower lower edge
 * @param upper upper edge
 * @param count number of articles whose probability falls in the bin
 * @param meanPredicted mean fake probability in the bin, NaN when empty
 * @param observedFakeFraction share of truly fake articles in the bin, NaN when empty
 */
public record ReliabilityBin(
    double lower, double upper, int count, double meanPredicted, double observedFakeFraction) {}
