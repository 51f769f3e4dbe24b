package dev.vera.eval;

import dev.vera.article.Label;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/** Splits labelled items into k folds that each keep the overall share of fake and real. */
public final class StratifiedKFold {

  private StratifiedKFold() {}

  /**
   * Returns the fold, 0 to k−1, of each item: the indices of each class (in {@link Label} order)
   * are shuffled with one {@code new Random(seed)} and dealt round-robin, the dealing continuing
   * from class to class so that fold sizes also differ by at most one. The same labels and seed
   * always give the same folds.
   *
   * @throws IllegalArgumentException when k < 2, or a class present in {@code labels} has fewer
   *     than k items (a fold would then have none of it)
   */
  public static int[] assignFolds(List<Label> labels, int k, long seed) {
    Objects.requireNonNull(labels, "labels");
    if (k < 2) {
      throw new IllegalArgumentException("k must be at least 2 folds, was " + k);
    }
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("cannot make " + k + " folds of no items");
    }
    List<List<Integer>> byClass = new ArrayList<>();
    for (Label label : Label.values()) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < labels.size(); i++) {
      Label label = labels.get(i);
      if (label == null) {
        throw new NullPointerException("label at index " + i + " is null");
      }
      byClass.get(label.ordinal()).add(i);
    }
    for (Label label : Label.values()) {
      int size = byClass.get(label.ordinal()).size();
      if (size > 0 && size < k) {
        throw new IllegalArgumentException(
            "cannot make "
                + k
                + " stratified folds: class "
                + label.wireName()
                + " has only "
                + size
                + " item"
                + (size == 1 ? "" : "s")
                + "; every class needs at least k");
      }
    }
    Random random = new Random(seed);
    int[] folds = new int[labels.size()];
    int next = 0;
    for (List<Integer> members : byClass) {
      Collections.shuffle(members, random);
      for (int index : members) {
        folds[index] = next;
        next = (next + 1) % k;
      }
    }
    return folds;
  }
}
