package dev.vera.model;

import dev.vera.article.Article;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The articles a training run sees, already divided: {@code train} fits the weights, {@code valid}
 * chooses every setting and fits the calibration, {@code test} (possibly empty) is only reported.
 * Analysts' corrections, when given, only ever train (see {@code
 * dev.vera.feedback.TrainingCorrections}).
 *
 * @param files the input files and their hashes, for the model card
 * @param splitField the split field that divided them, or null when Vera held out a part itself
 * @param corrections analysts' corrected articles (labelled with the analyst's label), trained on
 *     with {@code correctionWeight} each; never in {@code valid} or {@code test}
 * @param correctionWeight how many times each correction counts in the fit (1 or more)
 * @param correctionsHeldOutRemoved how many valid/test articles were dropped because a correction
 *     covers them
 * @param heldOutDuplicatesRemoved how many valid/test articles were dropped because an earlier part
 *     holds the same article ({@link #withoutHeldOutDuplicates()})
 */
public record TrainingSet(
    List<Article> train,
    List<Article> valid,
    List<Article> test,
    List<ModelCard.DataFile> files,
    @Nullable String splitField,
    List<Article> corrections,
    int correctionWeight,
    int correctionsHeldOutRemoved,
    int heldOutDuplicatesRemoved) {
  public TrainingSet {
    train = List.copyOf(train);
    valid = List.copyOf(valid);
    test = List.copyOf(test);
    files = List.copyOf(files);
    corrections = List.copyOf(corrections);
    if (correctionWeight < 1) {
      throw new IllegalArgumentException(
          "the correction weight must be 1 or more, was " + correctionWeight);
    }
  }

  /** A training set from which no duplicate was dropped. */
  public TrainingSet(
      List<Article> train,
      List<Article> valid,
      List<Article> test,
      List<ModelCard.DataFile> files,
      @Nullable String splitField,
      List<Article> corrections,
      int correctionWeight,
      int correctionsHeldOutRemoved) {
    this(
        train,
        valid,
        test,
        files,
        splitField,
        corrections,
        correctionWeight,
        correctionsHeldOutRemoved,
        0);
  }

  /** A training set without corrections. */
  public TrainingSet(
      List<Article> train,
      List<Article> valid,
      List<Article> test,
      List<ModelCard.DataFile> files,
      @Nullable String splitField) {
    this(train, valid, test, files, splitField, List.of(), 1, 0, 0);
  }

  /** The exact duplicates (by content hash) across the parts. */
  public PartOverlap overlap() {
    Set<Long> inTrain = hashes(train);
    inTrain.addAll(hashes(corrections));
    Set<Long> inValid = hashes(valid);
    int validInTrain = 0;
    for (Article a : valid) {
      validInTrain += inTrain.contains(a.contentHash()) ? 1 : 0;
    }
    int testInTrain = 0;
    int testInValid = 0;
    for (Article a : test) {
      long h = a.contentHash();
      if (inTrain.contains(h)) {
        testInTrain++;
      } else if (inValid.contains(h)) {
        testInValid++;
      }
    }
    return new PartOverlap(validInTrain, testInTrain, testInValid);
  }

  /**
   * Refuses a set whose held-out parts share articles with {@code train}.
   *
   * @throws IllegalArgumentException saying how many, and what to do
   */
  public void requireHeldOutUnseen() {
    PartOverlap o = overlap();
    if (o.heldOutInTrain()) {
      throw new IllegalArgumentException(o.refusal(partName("valid"), partName("test")));
    }
  }

  /**
   * This set without the held-out articles that an earlier part already holds: validation articles
   * that train holds, test articles that train or validation holds. They are counted in {@link
   * #heldOutDuplicatesRemoved()}; train keeps its own.
   */
  public TrainingSet withoutHeldOutDuplicates() {
    Set<Long> seen = hashes(train);
    seen.addAll(hashes(corrections));
    List<Article> keptValid = valid.stream().filter(a -> !seen.contains(a.contentHash())).toList();
    seen.addAll(hashes(valid));
    List<Article> keptTest = test.stream().filter(a -> !seen.contains(a.contentHash())).toList();
    int removed = (valid.size() - keptValid.size()) + (test.size() - keptTest.size());
    return new TrainingSet(
        train,
        keptValid,
        keptTest,
        files,
        splitField,
        corrections,
        correctionWeight,
        correctionsHeldOutRemoved,
        heldOutDuplicatesRemoved + removed);
  }

  private static Set<Long> hashes(List<Article> articles) {
    Set<Long> out = new HashSet<>();
    for (Article a : articles) {
      out.add(a.contentHash());
    }
    return out;
  }

  /** The name of a part for reports: {@code split=test}, or {@code holdout=valid}. */
  public String partName(String part) {
    return (splitField == null ? "holdout" : splitField) + "=" + part;
  }
}
