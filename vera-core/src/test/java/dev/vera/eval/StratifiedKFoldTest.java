package dev.vera.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.article.Label;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StratifiedKFoldTest {

  /** 23 fake and 41 real, interleaved irregularly. */
  private static List<Label> labels() {
    List<Label> labels = new ArrayList<>();
    for (int i = 0; i < 64; i++) labels.add(i % 3 == 0 || i < 2 ? Label.FAKE : Label.REAL);
    return labels;
  }

  @Test
  void isDeterministicForASeed() {
    assertArrayEquals(
        StratifiedKFold.assignFolds(labels(), 5, 42), StratifiedKFold.assignFolds(labels(), 5, 42));
    assertFalse(
        Arrays.equals(
            StratifiedKFold.assignFolds(labels(), 5, 42),
            StratifiedKFold.assignFolds(labels(), 5, 43)));
  }

  @Test
  void isStratified() {
    List<Label> labels = labels();
    long fakes = labels.stream().filter(l -> l == Label.FAKE).count();
    assertEquals(23, fakes);
    int k = 5;
    int[] folds = StratifiedKFold.assignFolds(labels, k, 7);
    int[][] perFold = new int[k][2];
    for (int i = 0; i < folds.length; i++) {
      assertTrue(folds[i] >= 0 && folds[i] < k);
      perFold[folds[i]][labels.get(i).ordinal()]++;
    }
    for (int c = 0; c < 2; c++) {
      int min = Integer.MAX_VALUE;
      int max = Integer.MIN_VALUE;
      for (int[] f : perFold) {
        min = Math.min(min, f[c]);
        max = Math.max(max, f[c]);
      }
      assertTrue(max - min <= 1, "class counts per fold differ by at most one");
    }
    // 64 items in 5 folds: sizes 13 or 12.
    for (int[] f : perFold) assertTrue(f[0] + f[1] == 12 || f[0] + f[1] == 13);
  }

  @Test
  void explainsWhenAClassIsTooSmall() {
    List<Label> labels =
        List.of(
            Label.FAKE,
            Label.FAKE,
            Label.FAKE,
            Label.REAL,
            Label.REAL,
            Label.REAL,
            Label.REAL,
            Label.REAL);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> StratifiedKFold.assignFolds(labels, 5, 1));
    assertTrue(e.getMessage().contains("5 stratified folds"), e.getMessage());
    assertTrue(e.getMessage().contains("class fake has only 3 items"), e.getMessage());
  }

  @Test
  void rejectsFewerThanTwoFolds() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> StratifiedKFold.assignFolds(labels(), 1, 1));
    assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
  }
}
