package dev.vera.model;

import org.jspecify.annotations.Nullable;

/**
 * The validation articles' text log-odds at the reference rate, calibrated per corpus when the
 * model learns from several (each article's calibration weighted by the corpora of its nearest
 * training articles), and the text decision curve over them.
 *
 * @param domain the per-corpus calibration, or null with a single corpus
 * @param logOdds per validation article, its calibrated text log-odds
 * @param curve the text decision curve
 * @param corpora how many corpora the curve cuts for (0 with a single corpus)
 */
record CalibratedValidation(
    @Nullable DomainCalibration domain, double[] logOdds, DecisionCurve curve, int corpora) {

  static CalibratedValidation fit(
      CorpusMix mix,
      PlattCalibrator calibrator,
      double[] validScore,
      ValidationRows valid,
      ValidationNeighbourhood near) {
    boolean domains = mix.corpora().size() > 1;
    DomainCalibration domain =
        domains
            ? DomainCalibration.fit(
                mix.names(), calibrator, validScore, valid.fake(), valid.offsets(), valid.corpus())
            : null;
    double[] logOdds = new double[valid.size()];
    for (int i = 0; i < logOdds.length; i++) {
      logOdds[i] =
          domain == null
              ? calibrator.logOdds(validScore[i])
              : domain.logOdds(validScore[i], near.share()[i]);
    }
    int corpora = domains ? mix.corpora().size() : 0;
    return new CalibratedValidation(
        domain, logOdds, valid.curve(logOdds, mix.referenceRate(), corpora), corpora);
  }
}
