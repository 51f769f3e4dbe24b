package dev.vera.model;

import dev.vera.article.Article;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The articles a training run sees, already divided: {@code train} fits the weights, {@code
 * valid} chooses every setting and fits the calibration, {@code test} (possibly empty) is only
 * reported. Analysts' corrections, when given, only ever train (see {@code
 * dev.vera.feedback.TrainingCorrections}).
 *
 * @param files the input files and their hashes, for the model card
 * @param splitField the split field that divided them, or null when Vera held out a part itself
 * @param corrections analysts' corrected articles (labelled with the analyst's label), trained on
 *     with {@code correctionWeight} each; never in {@code valid} or {@code test}
 * @param correctionWeight how many times each correction counts in the fit (1 or more)
 * @param correctionsHeldOutRemoved how many valid/test articles were dropped because a correction
 *     covers them
 */
public record TrainingSet(
    List<Article> train,
    List<Article> valid,
    List<Article> test,
    List<ModelCard.DataFile> files,
    @Nullable String splitField,
    List<Article> corrections,
    int correctionWeight,
    int correctionsHeldOutRemoved) {
  public TrainingSet {
    train = List.copyOf(train);
    valid = List.copyOf(valid);
    test = List.copyOf(test);
    files = List.copyOf(files);
    corrections = List.copyOf(corrections);
    if (correctionWeight < 1) {
      throw new IllegalArgumentException("the correction weight must be 1 or more, was " + correctionWeight);
    }
  }

  /** A training set without corrections. */
  public TrainingSet(
      List<Article> train,
      List<Article> valid,
      List<Article> test,
      List<ModelCard.DataFile> files,
      @Nullable String splitField) {
    this(train, valid, test, files, splitField, List.of(), 1, 0);
  }

  /** The name of a part for reports: {@code split=test}, or {@code holdout=valid}. */
  public String partName(String part) {
    return (splitField == null ? "holdout" : splitField) + "=" + part;
  }
}
