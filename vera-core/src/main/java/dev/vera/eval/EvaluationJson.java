package dev.vera.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.article.Label;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes an {@link Evaluation} as JSON. The tree is built by hand rather than by record binding so
 * that the key set is explicit and stable, and so that NaN and infinities, which JSON cannot hold,
 * become null.
 */
final class EvaluationJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EvaluationJson() {}

  static String write(Evaluation e) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree(e));
    } catch (JsonProcessingException ex) {
      throw new UncheckedIOException("cannot write evaluation JSON", ex);
    }
  }

  static ObjectNode tree(Evaluation e) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("n", e.n());
    number(root, "threshold", e.threshold());
    number(root, "accuracy", e.accuracy());
    number(root, "macro_f1", e.macroF1());
    number(root, "roc_auc", e.rocAuc());
    number(root, "pr_auc", e.prAuc());
    number(root, "ece", e.ece());
    number(root, "brier", e.brier());

    ObjectNode perClass = root.putObject("per_class");
    for (Label label : ConfusionMatrix.LABELS) {
      ClassReport r = e.perClass(label);
      ObjectNode c = perClass.putObject(label.wireName());
      number(c, "precision", r.precision());
      number(c, "recall", r.recall());
      number(c, "f1", r.f1());
      c.put("support", r.support());
    }

    ObjectNode confusion = root.putObject("confusion_matrix");
    ArrayNode labels = confusion.putArray("labels");
    ConfusionMatrix.LABELS.forEach(l -> labels.add(l.wireName()));
    ArrayNode matrix = confusion.putArray("matrix");
    for (int[] row : e.confusionMatrix().matrix()) {
      ArrayNode r = matrix.addArray();
      for (int count : row) {
        r.add(count);
      }
    }

    ObjectNode baseline = root.putObject("baseline");
    baseline.put("label", e.baseline().label().wireName());
    number(baseline, "accuracy", e.baseline().accuracy());
    number(baseline, "macro_f1", e.baseline().macroF1());

    ArrayNode reliability = root.putArray("reliability");
    for (ReliabilityBin b : e.reliability()) {
      ObjectNode o = reliability.addObject();
      number(o, "lower", b.lower());
      number(o, "upper", b.upper());
      o.put("count", b.count());
      number(o, "mean_predicted", b.meanPredicted());
      number(o, "observed_fake_fraction", b.observedFakeFraction());
    }

    ArrayNode roc = root.putArray("roc");
    for (RocPoint pt : e.roc()) {
      ObjectNode o = roc.addObject();
      number(o, "fpr", pt.fpr());
      number(o, "tpr", pt.tpr());
      number(o, "threshold", pt.threshold());
    }

    ArrayNode pr = root.putArray("pr");
    for (PrPoint pt : e.pr()) {
      ObjectNode o = pr.addObject();
      number(o, "recall", pt.recall());
      number(o, "precision", pt.precision());
      number(o, "threshold", pt.threshold());
    }

    List<SourceReport> sources = e.perSource();
    if (sources != null) {
      ArrayNode perSource = root.putArray("per_source");
      for (SourceReport s : sources) {
        ObjectNode o = perSource.addObject();
        o.put("source", s.source());
        o.put("n", s.n());
        number(o, "fake_share", s.fakeShare());
        number(o, "mean_probability_fake", s.meanProbabilityFake());
        number(o, "accuracy", s.accuracy());
      }
    }
    return root;
  }

  private static void number(ObjectNode node, String key, double value) {
    if (Double.isFinite(value)) {
      node.put(key, value);
    } else {
      node.putNull(key);
    }
  }
}
