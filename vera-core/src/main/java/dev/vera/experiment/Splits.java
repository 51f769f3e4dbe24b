package dev.vera.experiment;

import dev.vera.article.Article;
import dev.vera.article.Label;
import dev.vera.eval.StratifiedKFold;
import dev.vera.model.ModelCard;
import dev.vera.model.TrainingSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Divides labelled articles into train, validation and test parts. */
public final class Splits {
  private Splits() {}

  /**
   * The parts named by a split field ({@code train}, {@code valid}, {@code test}); articles with no
   * value for the field (e.g. no date under {@code split_time}) are left out.
   *
   * @throws IllegalArgumentException when the field is absent or the train or valid part is empty
   */
  public static TrainingSet byField(
      List<Article> articles, String field, List<ModelCard.DataFile> files) {
    List<Article> train = new ArrayList<>();
    List<Article> valid = new ArrayList<>();
    List<Article> test = new ArrayList<>();
    Set<String> unknown = new TreeSet<>();
    for (Article a : articles) {
      String part = a.splitPart(field);
      if (part == null) {
        continue;
      }
      switch (part) {
        case "train":
          train.add(a);
          break;
        case "valid":
        case "validation":
        case "dev":
          valid.add(a);
          break;
        case "test":
          test.add(a);
          break;
        default:
          unknown.add(part);
      }
    }
    if (train.isEmpty()) {
      throw new IllegalArgumentException(
          "no article has "
              + field
              + "=train"
              + (unknown.isEmpty() ? "" : " (values seen: " + unknown + ")")
              + "; is '"
              + field
              + "' the right split field?");
    }
    if (valid.isEmpty()) {
      throw new IllegalArgumentException(
          "no article has " + field + "=valid: settings and calibration need a validation part");
    }
    return new TrainingSet(train, valid, test, files, field);
  }

  /** The articles of one part of a split field. */
  public static List<Article> part(List<Article> articles, String field, String part) {
    return articles.stream().filter(a -> part.equals(a.splitPart(field))).toList();
  }

  /**
   * For data without a split field: a stratified, seeded {@code 1/k} of the labelled articles
   * becomes the validation part, the rest trains; there is no test part.
   */
  public static TrainingSet holdout(
      List<Article> articles, int k, long seed, List<ModelCard.DataFile> files) {
    List<Article> labelled = articles.stream().filter(a -> a.label() != null).toList();
    List<Label> labels = labelled.stream().map(Article::label).toList();
    int[] folds = StratifiedKFold.assignFolds(labels, k, seed);
    List<Article> train = new ArrayList<>();
    List<Article> valid = new ArrayList<>();
    for (int i = 0; i < labelled.size(); i++) {
      (folds[i] == 0 ? valid : train).add(labelled.get(i));
    }
    return new TrainingSet(train, valid, List.of(), files, null);
  }

  /**
   * Fold {@code i} of a k-fold cross-validation: fold {@code i} is the test part, fold {@code i+1
   * mod k} the validation part, the others train.
   */
  public static TrainingSet fold(
      List<Article> labelled, int[] folds, int i, int k, List<ModelCard.DataFile> files) {
    List<Article> train = new ArrayList<>();
    List<Article> valid = new ArrayList<>();
    List<Article> test = new ArrayList<>();
    int validFold = (i + 1) % k;
    for (int j = 0; j < labelled.size(); j++) {
      if (folds[j] == i) {
        test.add(labelled.get(j));
      } else if (folds[j] == validFold) {
        valid.add(labelled.get(j));
      } else {
        train.add(labelled.get(j));
      }
    }
    return new TrainingSet(train, valid, test, files, "fold" + (i + 1) + "of" + k);
  }
}
