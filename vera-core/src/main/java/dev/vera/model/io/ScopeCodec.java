package dev.vera.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.model.ApplicabilityModel;
import dev.vera.model.CorpusMix;
import dev.vera.model.DecisionCurve;
import dev.vera.model.ModelScope;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The scope of a model in its file (format version 5): the corpora in the JSON header, the
 * decision curves and the applicability reference as tables in the body (docs/model-format.md).
 */
final class ScopeCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** More validation articles than this in a curve means a damaged file. */
  private static final int MAX_ARTICLES = 10_000_000;

  private ScopeCodec() {}

  static ObjectNode json(ModelScope scope) {
    ObjectNode s = JSON.createObjectNode();
    CorpusMix mix = scope.mix();
    s.put("corpus_balance", mix.balance());
    s.put("reference_rate", mix.referenceRate());
    ArrayNode corpora = s.putArray("corpora");
    for (CorpusMix.Corpus c : mix.corpora()) {
      corpora
          .addObject()
          .put("name", c.name())
          .put("train_articles", c.trainArticles())
          .put("train_fake", c.trainFake())
          .put("weight", c.weight());
    }
    s.put("text_curve", scope.textCurve() != null);
    s.put("source_curve", scope.sourceCurve() != null);
    ApplicabilityModel a = scope.applicability();
    if (a != null) {
      s.putObject("applicability").put("k", a.k()).put("flag_below", a.flagBelow());
    }
    return s;
  }

  /** The curves and the applicability reference, after the model's other tables. */
  static void writeTables(ModelScope scope, DataOutputStream body) throws IOException {
    for (DecisionCurve curve : new DecisionCurve[] {scope.textCurve(), scope.sourceCurve()}) {
      if (curve == null) {
        continue;
      }
      double[] logOdds = curve.logOdds();
      boolean[] fake = curve.fake();
      double[] weight = curve.weight();
      body.writeInt(logOdds.length);
      for (double d : logOdds) {
        body.writeDouble(d);
      }
      for (boolean f : fake) {
        body.writeByte(f ? 1 : 0);
      }
      for (double d : weight) {
        body.writeDouble(d);
      }
    }
    ApplicabilityModel a = scope.applicability();
    if (a != null) {
      double[] reference = a.reference();
      body.writeInt(reference.length);
      for (double d : reference) {
        body.writeDouble(d);
      }
    }
  }

  static ModelScope read(JsonNode s, DataInputStream body, String name) throws IOException {
    if (!s.isObject() || !s.path("corpora").isArray()) {
      throw new ModelFormatException(name + ": damaged model file (no scope in a version 5 header)");
    }
    try {
      List<CorpusMix.Corpus> corpora = new ArrayList<>();
      for (JsonNode c : s.path("corpora")) {
        corpora.add(
            new CorpusMix.Corpus(
                c.path("name").asText(),
                c.path("train_articles").asInt(),
                c.path("train_fake").asInt(),
                c.path("weight").asDouble()));
      }
      CorpusMix mix = new CorpusMix(s.path("corpus_balance").asDouble(), corpora);
      DecisionCurve text = s.path("text_curve").asBoolean() ? curve(body, mix, name) : null;
      DecisionCurve source = s.path("source_curve").asBoolean() ? curve(body, mix, name) : null;
      ApplicabilityModel applicability = null;
      JsonNode a = s.path("applicability");
      if (a.isObject()) {
        double[] reference = doubles(body, count(body, name));
        applicability =
            new ApplicabilityModel(a.path("k").asInt(), reference, a.path("flag_below").asDouble());
      }
      return new ModelScope(mix, text, source, applicability);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(name + ": damaged model file (scope: " + e.getMessage() + ")", e);
    }
  }

  private static @Nullable DecisionCurve curve(DataInputStream body, CorpusMix mix, String name)
      throws IOException {
    int n = count(body, name);
    double[] logOdds = doubles(body, n);
    boolean[] fake = new boolean[n];
    for (int i = 0; i < n; i++) {
      fake[i] = body.readByte() != 0;
    }
    double[] weight = doubles(body, n);
    return new DecisionCurve(logOdds, fake, weight, mix.referenceRate());
  }

  private static int count(DataInputStream body, String name) throws IOException {
    int n = body.readInt();
    // Each entry takes at least 8 bytes: a count beyond the bytes left is a damaged file.
    if (n < 1 || n > MAX_ARTICLES || (long) n * 8 > body.available()) {
      throw new ModelFormatException(name + ": damaged model file (scope table of " + n + " entries)");
    }
    return n;
  }

  private static double[] doubles(DataInputStream body, int n) throws IOException {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = body.readDouble();
    }
    return out;
  }
}
