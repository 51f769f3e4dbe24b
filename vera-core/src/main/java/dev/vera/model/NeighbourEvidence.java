package dev.vera.model;

import dev.vera.article.Label;
import java.util.List;

/**
 * What the training articles most similar to an article say: how many of the {@code k} nearest were
 * fake, their similarity-weighted share of fake, and the nearest few by name. Part of the text
 * evidence (the neighbours are found by wording alone); reported in explanations.
 *
 * @param k how many neighbours were consulted
 * @param fake how many of them were fake
 * @param weightedFakeShare share of fake among them, each weighted by its squared similarity (the
 *     training prior when none is similar at all)
 * @param nearestSimilarity the similarity of the nearest one (0 when none was found)
 * @param nearestFake whether the nearest one was fake
 * @param meanSimilarity mean similarity over the {@code k}
 * @param nearest the nearest few, most similar first
 */
public record NeighbourEvidence(
    int k,
    int fake,
    double weightedFakeShare,
    double nearestSimilarity,
    boolean nearestFake,
    double meanSimilarity,
    List<NeighbourIndex.Neighbour> nearest) {

  /** Neighbours shown by name in explanations. */
  static final int SHOWN = 5;

  public NeighbourEvidence {
    nearest = List.copyOf(nearest);
  }

  /** Summarizes neighbours (most similar first) against the training prior. */
  static NeighbourEvidence of(List<NeighbourIndex.Neighbour> neighbours, int k, double prior) {
    double wSum = 0;
    double wFake = 0;
    double simSum = 0;
    int fake = 0;
    for (NeighbourIndex.Neighbour n : neighbours) {
      double s = Math.max(0, n.similarity());
      double w = s * s;
      wSum += w;
      simSum += s;
      if (n.label() == Label.FAKE) {
        wFake += w;
        fake++;
      }
    }
    // A pseudo-weight at the prior: with no similar article at all, the share is the prior.
    double eps = 1e-4;
    double share = (wFake + eps * prior) / (wSum + eps);
    NeighbourIndex.Neighbour first = neighbours.isEmpty() ? null : neighbours.get(0);
    return new NeighbourEvidence(
        k,
        fake,
        share,
        first == null ? 0 : Math.max(0, first.similarity()),
        first != null && first.label() == Label.FAKE,
        simSum / k,
        neighbours.subList(0, Math.min(SHOWN, neighbours.size())));
  }

  /** What an article with no similar training article at all gets: the prior, nothing near. */
  static NeighbourEvidence none(int k, double prior) {
    return of(List.of(), k, prior);
  }

  /** The inputs the {@link ScoreStack} reads. */
  double[] features() {
    return new double[] {
      weightedFakeShare,
      nearestSimilarity,
      nearestFake ? 1 : 0,
      meanSimilarity,
      weightedFakeShare * nearestSimilarity
    };
  }
}
