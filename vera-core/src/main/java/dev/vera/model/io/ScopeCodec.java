package dev.vera.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.model.ApplicabilityModel;
import dev.vera.model.CorpusMix;
import dev.vera.model.DecisionCurve;
import dev.vera.model.DomainCalibration;
import dev.vera.model.ModelScope;
import dev.vera.model.PlattCalibrator;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The scope of a model in its file (from legacy version 5): the corpora in the JSON header, the
 * decision curves and the applicability reference as tables in the body (docs/model-format.md).
 */
final class ScopeCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** More validation articles than this in a curve means a damaged file. */
  private static final int MAX_ARTICLES = 10_000_000;

  /** The first version of the legacy format that held a scope. */
  static final int FIRST_LEGACY_VERSION = 5;

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
    s.put("curve_corpora", scope.textCurve() == null ? 0 : scope.textCurve().corpora());
    DomainCalibration d = scope.domainCalibration();
    if (d != null) {
      ObjectNode dn = s.putObject("domain_calibration");
      ArrayNode slope = dn.putArray("slope");
      for (double v : d.slope()) {
        slope.add(v);
      }
      ArrayNode intercept = dn.putArray("intercept");
      for (double v : d.intercept()) {
        intercept.add(v);
      }
      dn.putObject("pooled").put("a", d.pooled().a()).put("b", d.pooled().b());
    }
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
      if (curve.corpora() > 0) {
        for (int c : curve.corpus()) {
          body.writeByte(c);
        }
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
      throw new ModelFormatException(name + ": damaged model file (a scope without corpora)");
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
      int curveCorpora = s.path("curve_corpora").asInt(0);
      DecisionCurve text =
          s.path("text_curve").asBoolean() ? curve(body, mix, curveCorpora, name) : null;
      DecisionCurve source =
          s.path("source_curve").asBoolean() ? curve(body, mix, curveCorpora, name) : null;
      ApplicabilityModel applicability = null;
      JsonNode a = s.path("applicability");
      if (a.isObject()) {
        double[] reference = doubles(body, count(body, name));
        applicability =
            new ApplicabilityModel(a.path("k").asInt(), reference, a.path("flag_below").asDouble());
      }
      return new ModelScope(mix, text, source, applicability, domainCalibration(s, mix));
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(
          name + ": damaged model file (scope: " + e.getMessage() + ")", e);
    }
  }

  private static @Nullable DecisionCurve curve(
      DataInputStream body, CorpusMix mix, int corpora, String name) throws IOException {
    int n = count(body, name);
    double[] logOdds = doubles(body, n);
    boolean[] fake = new boolean[n];
    for (int i = 0; i < n; i++) {
      fake[i] = body.readByte() != 0;
    }
    double[] weight = doubles(body, n);
    int[] corpus = new int[n];
    for (int i = 0; i < n; i++) {
      corpus[i] = corpora > 0 ? body.readByte() : -1;
    }
    return new DecisionCurve(logOdds, fake, weight, mix.referenceRate(), corpus, corpora);
  }

  private static @Nullable DomainCalibration domainCalibration(JsonNode s, CorpusMix mix) {
    JsonNode d = s.path("domain_calibration");
    if (!d.isObject()) {
      return null;
    }
    double[] slope = new double[d.path("slope").size()];
    double[] intercept = new double[d.path("intercept").size()];
    for (int i = 0; i < slope.length; i++) {
      slope[i] = d.path("slope").get(i).asDouble();
    }
    for (int i = 0; i < intercept.length; i++) {
      intercept[i] = d.path("intercept").get(i).asDouble();
    }
    return new DomainCalibration(
        mix.names(),
        slope,
        intercept,
        new PlattCalibrator(
            d.path("pooled").path("a").asDouble(), d.path("pooled").path("b").asDouble()));
  }

  private static int count(DataInputStream body, String name) throws IOException {
    int n = body.readInt();
    // Each entry takes at least 8 bytes: a count beyond the bytes left is a damaged file.
    if (n < 1 || n > MAX_ARTICLES || (long) n * 8 > body.available()) {
      throw new ModelFormatException(
          name + ": damaged model file (scope table of " + n + " entries)");
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
