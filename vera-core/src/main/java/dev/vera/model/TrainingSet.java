package dev.vera.model;

import dev.vera.article.Article;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The articles a training run sees, already divided: {@code train} fits the weights, {@code
 * valid} chooses every setting and fits the calibration, {@code test} (possibly empty) is only
 * reported.
 *
 * @param files the input files and their hashes, for the model card
 * @param splitField the split field that divided them, or null when Vera held out a part itself
 */
public record TrainingSet(
    List<Article> train,
    List<Article> valid,
    List<Article> test,
    List<ModelCard.DataFile> files,
    @Nullable String splitField) {
  public TrainingSet {
    train = List.copyOf(train);
    valid = List.copyOf(valid);
    test = List.copyOf(test);
    files = List.copyOf(files);
  }

  /** The name of a part for reports: {@code split=test}, or {@code holdout=valid}. */
  public String partName(String part) {
    return (splitField == null ? "holdout" : splitField) + "=" + part;
  }
}
