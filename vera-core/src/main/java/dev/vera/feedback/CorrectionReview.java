package dev.vera.feedback;

import dev.vera.article.Label;
import dev.vera.model.CredibilityModel;
import dev.vera.model.ScoringOptions;
import dev.vera.model.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * How a model does on the corrected articles alone: for each, what the corrected model said, what
 * this model says now and whether it now agrees with the analyst. After retraining with the
 * corrections these articles are training data, so agreement shows whether the model took the
 * corrections in, not how well it generalizes.
 *
 * @param items one row per correction, in the store's order
 * @param agreeBefore how many verdicts being corrected already agreed with the analyst
 * @param agreeNow how many of this model's verdicts agree with the analyst
 * @param trainedOn how many corrected articles this model was trained on
 */
public record CorrectionReview(List<Item> items, int agreeBefore, int agreeNow, int trainedOn) {
  public CorrectionReview {
    items = List.copyOf(items);
  }

  /** One corrected article, then and now. */
  public record Item(Correction correction, Verdict now, boolean trainedOn) {
    public boolean agreesNow() {
      return now.label() == correction.label();
    }
  }

  public static CorrectionReview of(
      CredibilityModel model, List<Correction> corrections, ScoringOptions options) {
    List<Item> items = new ArrayList<>();
    int before = 0;
    int now = 0;
    int trained = 0;
    for (Correction c : corrections) {
      Verdict v = model.predict(c.article(), options);
      boolean t = model.trainedOn(c.article());
      items.add(new Item(c, v, t));
      before += c.modelLabel() == c.label() ? 1 : 0;
      now += v.label() == c.label() ? 1 : 0;
      trained += t ? 1 : 0;
    }
    return new CorrectionReview(items, before, now, trained);
  }

  /** The analysts' labels as a list, for callers that compute the usual figures too. */
  public List<Label> labels() {
    return items.stream().map(i -> i.correction().label()).toList();
  }
}
