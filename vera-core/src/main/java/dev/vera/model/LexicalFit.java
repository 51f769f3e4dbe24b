package dev.vera.model;

import java.util.List;

/**
 * The text model at the chosen C: weights over the text features followed by the intercept, every
 * candidate's validation figures, and the validation articles' raw scores.
 */
record LexicalFit(
    double c,
    double[] weights,
    int dims,
    double[] validRaw,
    List<ModelCard.CandidateScore> search) {

  /** The weights over the text features, as the model stores them. */
  float[] textWeights() {
    float[] w = new float[dims];
    for (int i = 0; i < dims; i++) {
      w[i] = (float) weights[i];
    }
    return w;
  }

  double intercept() {
    return weights[dims];
  }
}
