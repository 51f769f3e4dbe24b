package dev.vera.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.io.ReadOutcome;
import dev.vera.io.RecordLocation;
import dev.vera.model.Applicability;
import dev.vera.model.Explanation;
import dev.vera.model.NeighbourEvidence;
import dev.vera.model.NeighbourIndex;
import dev.vera.model.SourceEvidence;
import dev.vera.model.Verdict;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shape of verdicts, explanations and rejected records, shared by {@code --format jsonl},
 * the REST API and batch scans so that every adapter says the same thing the same way. Keys are
 * snake_case.
 */
public final class VerdictJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private VerdictJson() {}

  public static ObjectMapper mapper() {
    return JSON;
  }

  /**
   * A verdict with its short reasons (top phrases each way and the strongest style signs).
   *
   * @param explanation the explanation to draw reasons and sentences from, or null for none
   * @param where the input record, or null
   */
  public static ObjectNode verdict(
      Verdict v, @Nullable Explanation explanation, @Nullable RecordLocation where) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", v.id());
    n.put("label", v.label().wireName());
    n.put("probability_fake", round(v.probabilityFake()));
    n.put("text_probability_fake", round(v.textProbabilityFake()));
    n.put("threshold", round(v.threshold()));
    n.put("used_source", v.usedSource());
    n.put("base_rate", round(v.baseRate()));
    if (v.applicability() != null) {
      n.set("applicability", applicability(v.applicability()));
    }
    n.set("source", source(v.source()));
    ArrayNode reasons = n.putArray("reasons");
    if (explanation != null) {
      for (Explanation.PhraseEvidence p : explanation.towardFake()) {
        reasons.add(phrase(p));
      }
      for (Explanation.PhraseEvidence p : explanation.towardCredible()) {
        reasons.add(phrase(p));
      }
      if (explanation.neighbours() != null) {
        reasons.add(neighbours(explanation.neighbours()));
      }
      if (explanation.embedding() != null) {
        double w = explanation.embedding();
        reasons
            .addObject()
            .put("kind", "embedding")
            .put("weight", round(w))
            .put("direction", w > 0 ? "fake" : "real");
      }
      for (Explanation.StyleEvidence s : explanation.style()) {
        if (Math.abs(s.weight()) >= 0.05) {
          reasons
              .addObject()
              .put("kind", "style")
              .put("feature", s.feature())
              .put("value", round(s.value()))
              .put("weight", round(s.weight()));
        }
      }
      if (!explanation.sentences().isEmpty()) {
        ArrayNode sentences = n.putArray("sentences");
        for (Explanation.SentenceEffect s : explanation.sentences()) {
          sentences
              .addObject()
              .put("text", s.sentence())
              .put("start", s.start())
              .put("end", s.end())
              .put("delta_probability_fake", round(s.delta()));
        }
      }
    }
    if (where != null) {
      n.set("input", location(where));
    }
    return n;
  }

  private static ObjectNode phrase(Explanation.PhraseEvidence p) {
    ObjectNode o = JSON.createObjectNode();
    o.put("kind", "phrase");
    o.put("part", p.part());
    o.put("text", p.phrase());
    o.put("weight", round(p.weight()));
    o.put("direction", p.weight() > 0 ? "fake" : "real");
    ArrayNode spans = o.putArray("spans");
    for (Explanation.Span s : p.occurrences()) {
      spans.addArray().add(s.start()).add(s.end());
    }
    return o;
  }

  /** The most similar training articles: how many were fake, and their share of the log-odds. */
  private static ObjectNode neighbours(Explanation.NeighbourShare share) {
    NeighbourEvidence e = share.evidence();
    ObjectNode o = JSON.createObjectNode();
    o.put("kind", "neighbours");
    o.put("k", e.k());
    o.put("fake", e.fake());
    o.put("weighted_fake_share", round(e.weightedFakeShare()));
    o.put("weight", round(share.weight()));
    o.put("direction", share.weight() > 0 ? "fake" : "real");
    ArrayNode nearest = o.putArray("nearest");
    for (NeighbourIndex.Neighbour n : e.nearest()) {
      NeighbourIndex.Story story = n.story();
      nearest
          .addObject()
          .put("id", n.id())
          .put("label", n.label().wireName())
          .put("similarity", round(n.similarity()))
          .put("title", story.title())
          .put("publisher", story.publisher())
          .put("date", story.date() == null ? null : story.date().toString())
          .put("url", story.url());
    }
    return o;
  }

  /** How far the article lies inside the model's training data. */
  public static ObjectNode applicability(Applicability a) {
    ObjectNode o = JSON.createObjectNode();
    o.put("score", round(a.score()));
    o.put("outside_experience", a.outsideExperience());
    o.put("similarity", round(a.similarity()));
    return o;
  }

  /** The source evidence object. */
  public static ObjectNode source(SourceEvidence e) {
    ObjectNode s = JSON.createObjectNode();
    s.put("domain", e.domain());
    s.put("basis", e.basis().wireName());
    s.put("fake_rate", round(e.fakeRate()));
    s.put("training_articles", e.trainingArticles());
    ObjectNode ratings = s.putObject("ratings");
    e.ratings().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(r -> ratings.put(r.getKey(), round(r.getValue())));
    s.put("rated_domain", e.ratedDomain());
    return s;
  }

  /** A record that could not be read, in the place its verdict would have had. */
  public static ObjectNode rejected(ReadOutcome.Rejected r) {
    ObjectNode n = JSON.createObjectNode();
    n.putNull("id");
    n.put("error", r.problem());
    n.set("input", location(r.where()));
    return n;
  }

  public static ObjectNode location(RecordLocation where) {
    ObjectNode n = JSON.createObjectNode();
    n.put("file", where.file());
    n.put("line", where.line());
    n.put("record", where.record());
    return n;
  }

  /** Six decimals: more than any calibration supports, few enough to read. */
  static double round(double d) {
    return Math.round(d * 1e6) / 1e6;
  }
}
