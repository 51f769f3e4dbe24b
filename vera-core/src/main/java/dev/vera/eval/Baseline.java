package dev.vera.eval;

import dev.vera.article.Label;
import java.util.Objects;

/**
 * What always answering the training data's majority label scores on the evaluated articles: the
 * bar a model has to clear before its accuracy means anything.
 *
 * @param label the majority label of the training data
 * @param accuracy accuracy of always predicting it
 * @param macroF1 macro-F1 of always predicting it
 */
public record Baseline(Label label, double accuracy, double macroF1) {

  public Baseline {
    Objects.requireNonNull(label, "label");
  }
}
