package dev.vera.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.article.Article;
import dev.vera.article.Label;
import dev.vera.io.PendingRecord;
import dev.vera.io.ReadOutcome;
import dev.vera.model.CredibilityModel;
import dev.vera.model.Explanation;
import dev.vera.model.ScoringException;
import dev.vera.model.ScoringOptions;
import dev.vera.model.Verdict;
import dev.vera.output.VerdictJson;
import java.io.IOException;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Parses one record and judges it into the line the scan writes: a verdict for the output, or the
 * record's rejection for the errors file. Thread-safe: the scan's scorers share it.
 */
final class RecordScorer {
  private static final int TOP_REASONS = 5;

  /**
   * One record's line, ready to write, and what the summary counts of it.
   *
   * @param failed whether the line goes to the errors file (then the other fields are unset)
   * @param outside whether the article was flagged outside the model's experience, or null when the
   *     model cannot tell
   */
  record Scored(
      byte[] line,
      boolean failed,
      @Nullable Label label,
      double probability,
      @Nullable String domain,
      @Nullable Boolean outside) {}

  private final CredibilityModel model;
  private final ScoringOptions scoring;
  private final boolean reasons;
  private final BiFunction<Article, ScoringOptions, Verdict> predict;
  private final ObjectMapper json = VerdictJson.mapper();

  /**
   * @param reasons whether verdicts carry their top phrases (an explanation per article)
   * @param predict the verdict without reasons (the model's; tests make it fail)
   */
  RecordScorer(
      CredibilityModel model,
      ScoringOptions scoring,
      boolean reasons,
      BiFunction<Article, ScoringOptions, Verdict> predict) {
    this.model = model;
    this.scoring = scoring;
    this.reasons = reasons;
    this.predict = predict;
  }

  /** Parses the record and scores it, or gives its rejection. */
  Scored score(PendingRecord record) throws IOException {
    ReadOutcome o = record.parse();
    if (o instanceof ReadOutcome.Parsed p) {
      return score(p);
    }
    return failure((ReadOutcome.Rejected) o);
  }

  /** Scores one article into its output line; a declared scoring failure becomes its error. */
  private Scored score(ReadOutcome.Parsed p) throws IOException {
    Verdict v;
    ObjectNode node;
    try {
      if (reasons) {
        Explanation e = model.explain(p.article(), scoring, TOP_REASONS, false);
        v = e.verdict();
        node = VerdictJson.verdict(v, e, p.where());
      } else {
        v = predict.apply(p.article(), scoring);
        node = VerdictJson.verdict(v, null, p.where());
      }
    } catch (ScoringException e) {
      // The declared failure of one article; anything else is a bug, which stops the scan
      // rather than passing for bad data (the checkpoint still names durable output only).
      return failure(new ReadOutcome.Rejected(p.where(), "could not be scored: " + e.getMessage()));
    }
    return new Scored(
        line(node),
        false,
        v.label(),
        v.probabilityFake(),
        v.source().domain(),
        v.applicability() == null ? null : v.applicability().outsideExperience());
  }

  private Scored failure(ReadOutcome.Rejected r) throws IOException {
    return new Scored(line(VerdictJson.rejected(r)), true, null, Double.NaN, null, null);
  }

  private byte[] line(ObjectNode node) throws IOException {
    byte[] body = json.writeValueAsBytes(node);
    byte[] line = new byte[body.length + 1];
    System.arraycopy(body, 0, line, 0, body.length);
    line[body.length] = '\n';
    return line;
  }
}
