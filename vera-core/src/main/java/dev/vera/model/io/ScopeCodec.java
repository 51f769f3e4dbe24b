package dev.vera.model.io;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * The scope of a model in its file (from legacy version 5): the corpora and settings in the JSON
 * header ({@link Header}), the decision curves and the applicability reference as tables in the
 * body (docs/model-format.md).
 */
final class ScopeCodec {
  /** More validation articles than this in a curve means a damaged file. */
  private static final int MAX_ARTICLES = 10_000_000;

  /** The first version of the legacy format that held a scope. */
  static final int FIRST_LEGACY_VERSION = 5;

  private ScopeCodec() {}

  /**
   * The scope's part of the header.
   *
   * @param referenceRate the training mix's share of fake, for a reader of the file (a reader of
   *     the model recomputes it from the corpora)
   * @param curveCorpora how many corpora the curves' articles are marked with (0: none)
   * @param domainCalibration per-corpus calibration, or null
   * @param applicability the applicability measure's settings, or null when the model has none
   */
  record Header(
      double corpusBalance,
      double referenceRate,
      List<Corpus> corpora,
      boolean textCurve,
      boolean sourceCurve,
      int curveCorpora,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Calibration domainCalibration,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Applicability applicability) {}

  /** A training corpus: its articles, fakes and each article's weight in the fit. */
  record Corpus(String name, int trainArticles, int trainFake, double weight) {}

  /** {@link DomainCalibration}'s slopes and intercepts, one per corpus, and the pooled one. */
  record Calibration(double[] slope, double[] intercept, Pooled pooled) {}

  /** The calibration used when an article's corpus share is unknown. */
  record Pooled(double a, double b) {}

  /** {@link ApplicabilityModel}'s settings; its reference is a table in the body. */
  record Applicability(int k, double flagBelow) {}

  static Header header(ModelScope scope) {
    CorpusMix mix = scope.mix();
    DomainCalibration d = scope.domainCalibration();
    ApplicabilityModel a = scope.applicability();
    return new Header(
        mix.balance(),
        mix.referenceRate(),
        mix.corpora().stream()
            .map(c -> new Corpus(c.name(), c.trainArticles(), c.trainFake(), c.weight()))
            .toList(),
        scope.textCurve() != null,
        scope.sourceCurve() != null,
        scope.textCurve() == null ? 0 : scope.textCurve().corpora(),
        d == null
            ? null
            : new Calibration(d.slope(), d.intercept(), new Pooled(d.pooled().a(), d.pooled().b())),
        a == null ? null : new Applicability(a.k(), a.flagBelow()));
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

  static ModelScope read(Header s, DataInputStream body, String name) throws IOException {
    if (s.corpora() == null) {
      throw ModelFormatException.damaged(name, "a scope without corpora");
    }
    try {
      List<CorpusMix.Corpus> corpora = new ArrayList<>();
      for (Corpus c : s.corpora()) {
        corpora.add(new CorpusMix.Corpus(c.name(), c.trainArticles(), c.trainFake(), c.weight()));
      }
      CorpusMix mix = new CorpusMix(s.corpusBalance(), corpora);
      DecisionCurve text = s.textCurve() ? curve(body, mix, s.curveCorpora(), name) : null;
      DecisionCurve source = s.sourceCurve() ? curve(body, mix, s.curveCorpora(), name) : null;
      ApplicabilityModel applicability = null;
      Applicability a = s.applicability();
      if (a != null) {
        double[] reference = doubles(body, count(body, name));
        applicability = new ApplicabilityModel(a.k(), reference, a.flagBelow());
      }
      return new ModelScope(mix, text, source, applicability, domainCalibration(s, mix));
    } catch (IllegalArgumentException e) {
      throw ModelFormatException.damaged(name, "scope: " + e.getMessage(), e);
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

  private static @Nullable DomainCalibration domainCalibration(Header s, CorpusMix mix) {
    Calibration d = s.domainCalibration();
    if (d == null) {
      return null;
    }
    return new DomainCalibration(
        mix.names(), d.slope(), d.intercept(), new PlattCalibrator(d.pooled().a(), d.pooled().b()));
  }

  private static int count(DataInputStream body, String name) throws IOException {
    int n = body.readInt();
    // Each entry takes at least 8 bytes: a count beyond the bytes left is a damaged file.
    if (n < 1 || n > MAX_ARTICLES || (long) n * 8 > body.available()) {
      throw ModelFormatException.damaged(name, "scope table of " + n + " entries");
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
