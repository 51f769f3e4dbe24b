package dev.vera.eval;

/**
 * One point of the precision-recall curve of the fake class: the figures obtained by calling fake
 * every article whose probability is at least {@code threshold}.
 *
 * @param recall share of fake articles called fake
 * @param precision share of articles called fake that are fake
 * @param threshold the probability cut, {@code +Infinity} for the (recall 0, precision 1) start
 */
public record PrPoint(double recall, double precision, double threshold) {}
