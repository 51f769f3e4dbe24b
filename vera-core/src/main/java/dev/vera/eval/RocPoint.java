package dev.vera.eval;

/**
 * One point of the ROC curve: the rates obtained by calling fake every article whose probability is
 * at least {@code threshold}.
 *
 * @param fpr false-positive rate (real articles called fake)
 * @param tpr true-positive rate (fake articles called fake)
 * @param threshold the probability cut, {@code +Infinity} for the (0, 0) starting point
 */
public record RocPoint(double fpr, double tpr, double threshold) {}
