package dev.vera.model;

import dev.vera.article.Article;
import dev.vera.text.WordTerms;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * What the neighbour index says of each validation article: its familiarity with the training data
 * (the applicability reference) and the shares of the corpora its nearest training articles come
 * from (what domain calibration weighs each corpus's calibration by).
 */
record ValidationNeighbourhood(double[] familiarity, double[][] share) {

  static ValidationNeighbourhood query(
      NeighbourIndex index, List<Article> valid, ProgressListener progress) {
    double[] familiarity = new double[valid.size()];
    double[][] share = new double[valid.size()][];
    AtomicLong done = new AtomicLong();
    IntStream.range(0, valid.size())
        .parallel()
        .forEach(
            i -> {
              Article a = valid.get(i);
              NeighbourIndex.Query q =
                  index.query(
                      WordTerms.forThread(NeighbourIndex.HASH_BITS).count(a),
                      SourceReputation.publisherOf(a),
                      -1,
                      ApplicabilityModel.DEFAULT_K);
              familiarity[i] = q.familiarity();
              share[i] = q.corpusShare();
              long d = done.incrementAndGet();
              if (d % 256 == 0 || d == familiarity.length) {
                synchronized (progress) {
                  progress.update("familiarity of validation articles", d, familiarity.length);
                }
              }
            });
    return new ValidationNeighbourhood(familiarity, share);
  }

  /** The applicability model whose reference is these validation articles' familiarity. */
  ApplicabilityModel applicability() {
    return ApplicabilityModel.of(
        ApplicabilityModel.DEFAULT_K, familiarity, ApplicabilityModel.DEFAULT_FLAG_BELOW);
  }
}
