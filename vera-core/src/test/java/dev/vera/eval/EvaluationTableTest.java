package dev.vera.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.article.Label;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTableTest {

  /** tp=3 fn=1 fp=2 tn=4 as in EvaluatorTest: accuracy 0.7, macro-F1 23/33 = 0.6970. */
  private static Evaluation tenDecisions(boolean perSource) {
    List<ScoredArticle> list = new ArrayList<>();
    for (int i = 0; i < 3; i++)
      list.add(new ScoredArticle(Label.FAKE, 0.9, Label.FAKE, "fake.example"));
    list.add(new ScoredArticle(Label.FAKE, 0.3, Label.REAL, "fake.example"));
    for (int i = 0; i < 2; i++)
      list.add(new ScoredArticle(Label.REAL, 0.6, Label.FAKE, "fake.example"));
    for (int i = 0; i < 4; i++)
      list.add(new ScoredArticle(Label.REAL, 0.1, Label.REAL, "news.example"));
    return Evaluator.evaluate(list, 0.5, Label.REAL, perSource);
  }

  @Test
  void containsTheNumbersAndLabels() {
    String table = EvaluationTable.render(tenDecisions(false));
    // accuracy 0.7000 beside baseline 0.6000; macro-F1 0.6970 beside 0.3750
    assertTrue(table.contains("accuracy     0.7000   0.6000"), table);
    assertTrue(table.contains("macro-F1     0.6970   0.3750"), table);
    assertTrue(table.contains("majority baseline (✔ real)"), table);
    for (String s : List.of("ROC-AUC", "PR-AUC", "ECE", "Brier", "threshold", "0.5000")) {
      assertTrue(table.contains(s), s);
    }
    // fake: P 0.6 R 0.75 F1 0.6667 support 4; real: P 0.8 R 0.6667 F1 0.7273 support 6
    assertTrue(table.contains("✖ fake      0.6000   0.7500   0.6667        4"), table);
    assertTrue(table.contains("✔ real      0.8000   0.6667   0.7273        6"), table);
    assertTrue(table.contains("predicted ✖ fake"), table);
    assertTrue(table.contains("predicted ✔ real"), table);
    assertTrue(table.matches("(?s).*truth ✖ fake +3 +1\n.*"), table);
    assertTrue(table.matches("(?s).*truth ✔ real +2 +4\n.*"), table);
    assertFalse(table.contains("source"), "no source table unless computed");
  }

  @Test
  void columnsAreAligned() {
    String[] lines = EvaluationTable.render(tenDecisions(false)).split("\n");
    // The per-class header and rows end at the same column.
    int header = -1;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("class")) header = i;
    }
    assertEquals(lines[header].length(), lines[header + 1].length());
    assertEquals(lines[header].length(), lines[header + 2].length());
  }

  @Test
  void showsSourcesWhenComputed() {
    String table = EvaluationTable.render(tenDecisions(true));
    // fake.example: 6 articles, 4 fake -> 0.6667; accuracy: 3 right fakes of 6 -> 0.5000
    assertTrue(table.matches("(?s).*fake\\.example +6 +0\\.6667 +\\S+ +0\\.5000\n.*"), table);
    assertFalse(table.contains("news.example"), "4 articles is below the minimum of 5");
  }

  @Test
  void undefinedFiguresShowAsNa() {
    Evaluation oneClass =
        Evaluator.evaluate(Scored.of(new int[] {1, 1}, new double[] {0.3, 0.7}), 0.5, Label.FAKE);
    assertTrue(EvaluationTable.render(oneClass).contains("ROC-AUC         n/a"));
  }
}
