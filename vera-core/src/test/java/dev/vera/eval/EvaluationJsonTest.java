package dev.vera.eval;

import static dev.vera.eval.Scored.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vera.article.Label;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluationJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Set<String> keys(JsonNode node) {
    Set<String> keys = new LinkedHashSet<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static List<ScoredArticle> withSources() {
    List<ScoredArticle> list = new ArrayList<>();
    for (int i = 0; i < 6; i++) list.add(Scored.from("a.com", i % 2, i % 2 == 1 ? 0.8 : 0.3));
    list.add(Scored.from(null, 1, 0.4));
    return list;
  }

  @Test
  void hasExactlyTheSnakeCaseKeys() throws Exception {
    JsonNode root =
        MAPPER.readTree(Evaluator.evaluate(withSources(), 0.5, Label.REAL, true).toJson());
    assertEquals(
        List.of(
            "n",
            "threshold",
            "accuracy",
            "macro_f1",
            "roc_auc",
            "pr_auc",
            "ece",
            "brier",
            "per_class",
            "confusion_matrix",
            "baseline",
            "reliability",
            "roc",
            "pr",
            "per_source"),
        List.copyOf(keys(root)));
    assertEquals(Set.of("fake", "real"), keys(root.get("per_class")));
    assertEquals(
        Set.of("precision", "recall", "f1", "support"), keys(root.get("per_class").get("fake")));
    assertEquals(Set.of("labels", "matrix"), keys(root.get("confusion_matrix")));
    assertEquals(Set.of("label", "accuracy", "macro_f1"), keys(root.get("baseline")));
    assertEquals(
        Set.of("lower", "upper", "count", "mean_predicted", "observed_fake_fraction"),
        keys(root.get("reliability").get(0)));
    assertEquals(Set.of("fpr", "tpr", "threshold"), keys(root.get("roc").get(0)));
    assertEquals(Set.of("recall", "precision", "threshold"), keys(root.get("pr").get(0)));
    assertEquals(
        Set.of("source", "n", "fake_share", "mean_probability_fake", "accuracy"),
        keys(root.get("per_source").get(0)));
  }

  @Test
  void valuesAndConfusionLayout() throws Exception {
    // a.com: 3 fake at 0.8 (called fake), 3 real at 0.3 (called real); one fake at 0.4 called real.
    // tp=3 fn=1 fp=0 tn=3.
    JsonNode root =
        MAPPER.readTree(Evaluator.evaluate(withSources(), 0.5, Label.REAL, true).toJson());
    assertEquals(7, root.get("n").asInt());
    assertEquals("[\"fake\",\"real\"]", root.get("confusion_matrix").get("labels").toString());
    assertEquals("[[3,1],[0,3]]", root.get("confusion_matrix").get("matrix").toString());
    assertEquals("real", root.get("baseline").get("label").asText());
    assertEquals(4, root.get("per_class").get("fake").get("support").asInt());
    assertEquals("a.com", root.get("per_source").get(0).get("source").asText());
    assertEquals(15, root.get("reliability").size());
  }

  @Test
  void nanAndInfinityAreNull() throws Exception {
    // One class: ROC-AUC undefined. Empty bins: means undefined. PR start: infinite threshold.
    Evaluation e =
        Evaluator.evaluate(of(new int[] {1, 1}, new double[] {0.3, 0.7}), 0.5, Label.FAKE);
    String json = e.toJson();
    assertFalse(json.contains("NaN"));
    assertFalse(json.contains("Infinity"));
    JsonNode root = MAPPER.readTree(json);
    assertTrue(root.get("roc_auc").isNull());
    assertTrue(root.get("reliability").get(0).get("mean_predicted").isNull());
    assertTrue(root.get("pr").get(0).get("threshold").isNull());
    assertEquals(0, root.get("roc").size());
    assertFalse(root.has("per_source"), "per_source only when computed");
  }
}
