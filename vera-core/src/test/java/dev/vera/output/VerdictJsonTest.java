package dev.vera.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.article.Article;
import dev.vera.article.Label;
import dev.vera.io.ReadOutcome;
import dev.vera.io.RecordLocation;
import dev.vera.model.Applicability;
import dev.vera.model.CredibilityModel;
import dev.vera.model.Explanation;
import dev.vera.model.NeighbourEvidence;
import dev.vera.model.NeighbourIndex;
import dev.vera.model.ScoringOptions;
import dev.vera.model.SourceEvidence;
import dev.vera.model.Verdict;
import dev.vera.testing.FixtureCorpus;
import dev.vera.testing.FixtureModels;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictJsonTest {
  private static final List<String> VERDICT_KEYS =
      List.of(
          "id",
          "label",
          "probability_fake",
          "text_probability_fake",
          "threshold",
          "used_source",
          "base_rate",
          "applicability",
          "source",
          "reasons",
          "input");

  static List<String> keys(JsonNode n) {
    List<String> keys = new ArrayList<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    return keys;
  }

  /** The exact shape, by hand: every adapter (CLI, REST, batch) promises these keys. */
  @Test
  void handMadeVerdictHasExactlyTheDocumentedShape() throws Exception {
    Verdict v =
        new Verdict(
            "a-1",
            Label.FAKE,
            0.91234567,
            0.81234561,
            0.4,
            true,
            new SourceEvidence(
                "news.example.com",
                SourceEvidence.Basis.RATINGS,
                0.6666666666,
                0,
                Map.of("golden", -1.0, "lin2023_pc1", 0.21234567),
                "example.com"),
            0.25,
            new Applicability(0.031, true, 0.08123456));
    Explanation e =
        new Explanation(
            v,
            List.of(
                new Explanation.PhraseEvidence(
                    "body", "insider", 1.25, List.of(new Explanation.Span(3, 10)))),
            List.of(
                new Explanation.PhraseEvidence(
                    "title",
                    "said",
                    -0.5,
                    List.of(new Explanation.Span(0, 4), new Explanation.Span(9, 13)))),
            List.of(),
            List.of(
                new Explanation.StyleEvidence("exclamations_per_1k_chars", 3.5, 0.2),
                new Explanation.StyleEvidence("title_words", 7, 0.01)),
            -0.3,
            null,
            null);
    ObjectNode n = VerdictJson.verdict(v, e, new RecordLocation("in.jsonl", 3, 2));
    assertEquals(
        "{\"id\":\"a-1\",\"label\":\"fake\",\"probability_fake\":0.912346,"
            + "\"text_probability_fake\":0.812346,\"threshold\":0.4,\"used_source\":true,"
            + "\"base_rate\":0.25,"
            + "\"applicability\":{\"score\":0.031,\"outside_experience\":true,\"similarity\":0.081235},"
            + "\"source\":{\"domain\":\"news.example.com\",\"basis\":\"ratings\",\"fake_rate\":0.666667,"
            + "\"training_articles\":0,\"ratings\":{\"golden\":-1.0,\"lin2023_pc1\":0.212346},\"rated_domain\":\"example.com\"},"
            + "\"reasons\":["
            + "{\"kind\":\"phrase\",\"part\":\"body\",\"text\":\"insider\",\"weight\":1.25,\"direction\":\"fake\",\"spans\":[[3,10]]},"
            + "{\"kind\":\"phrase\",\"part\":\"title\",\"text\":\"said\",\"weight\":-0.5,\"direction\":\"real\",\"spans\":[[0,4],[9,13]]},"
            + "{\"kind\":\"style\",\"feature\":\"exclamations_per_1k_chars\",\"value\":3.5,\"weight\":0.2}],"
            + "\"input\":{\"file\":\"in.jsonl\",\"line\":3,\"record\":2}}",
        VerdictJson.mapper().writeValueAsString(n));
  }

  /** Similar known stories come as a reader can follow them; what a model does not keep is null. */
  @Test
  void neighboursAreNamedByTitlePublisherDateAndUrl() throws Exception {
    Verdict v =
        new Verdict(
            "a-1",
            Label.FAKE,
            0.9,
            0.9,
            0.4,
            false,
            new SourceEvidence(null, SourceEvidence.Basis.NONE, 0.3, 0, Map.of(), null),
            0.25,
            null);
    NeighbourEvidence near =
        new NeighbourEvidence(
            30,
            20,
            0.7,
            0.61,
            true,
            0.3,
            List.of(
                new NeighbourIndex.Neighbour(
                    4,
                    "gossipcop-1",
                    Label.FAKE,
                    0.61234567,
                    new NeighbourIndex.Story(
                        "Pitt and Jolie divorce shock",
                        "gossip.example",
                        LocalDate.of(2017, 3, 2),
                        "https://gossip.example/pitt-jolie")),
                new NeighbourIndex.Neighbour(
                    9,
                    "gossipcop-2",
                    Label.REAL,
                    0.5,
                    new NeighbourIndex.Story(null, "wire.example", null, null))));
    Explanation e =
        new Explanation(
            v,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            0,
            new Explanation.NeighbourShare(near, 1.5),
            null);
    JsonNode reason = VerdictJson.verdict(v, e, null).path("reasons").get(0);
    assertEquals(
        "{\"kind\":\"neighbours\",\"k\":30,\"fake\":20,\"weighted_fake_share\":0.7,\"weight\":1.5,"
            + "\"direction\":\"fake\",\"nearest\":["
            + "{\"id\":\"gossipcop-1\",\"label\":\"fake\",\"similarity\":0.612346,"
            + "\"title\":\"Pitt and Jolie divorce shock\",\"publisher\":\"gossip.example\",\"date\":\"2017-03-02\","
            + "\"url\":\"https://gossip.example/pitt-jolie\"},"
            + "{\"id\":\"gossipcop-2\",\"label\":\"real\",\"similarity\":0.5,"
            + "\"title\":null,\"publisher\":\"wire.example\",\"date\":null,\"url\":null}]}",
        VerdictJson.mapper().writeValueAsString(reason));
  }

  @Test
  void modelVerdictKeysAndSourceKeys() {
    CredibilityModel model = FixtureModels.model();
    Article a = FixtureCorpus.part(FixtureCorpus.articles(), "test").get(0);
    Explanation e = model.explain(a, ScoringOptions.DEFAULT, 5, false);
    ObjectNode n = VerdictJson.verdict(e.verdict(), e, new RecordLocation("f", 1, 1));

    assertEquals(VERDICT_KEYS, keys(n));
    assertEquals(
        List.of("domain", "basis", "fake_rate", "training_articles", "ratings", "rated_domain"),
        keys(n.get("source")));
    assertEquals(0, n.get("source").get("ratings").size());
    assertEquals(
        List.of("score", "outside_experience", "similarity"), keys(n.get("applicability")));
    assertEquals(e.verdict().baseRate(), n.get("base_rate").asDouble(), 5e-7);
    assertEquals("training", n.get("source").get("basis").asText());
    assertEquals(a.id(), n.get("id").asText());
    assertEquals(e.verdict().label().wireName(), n.get("label").asText());
    assertEquals(e.verdict().probabilityFake(), n.get("probability_fake").asDouble(), 5e-7);
    assertFalse(n.get("used_source").asBoolean());
    assertTrue(n.get("reasons").size() >= e.towardFake().size() + e.towardCredible().size());

    // Sentences appear only when the explanation measured them.
    Explanation withSentences = model.explain(a, ScoringOptions.DEFAULT, 5, true);
    ObjectNode s =
        VerdictJson.verdict(withSentences.verdict(), withSentences, new RecordLocation("f", 1, 1));
    List<String> expected = new ArrayList<>(VERDICT_KEYS);
    expected.add(expected.indexOf("input"), "sentences");
    assertEquals(expected, keys(s));
    assertEquals(
        List.of("text", "start", "end", "delta_probability_fake"), keys(s.get("sentences").get(0)));

    // Without an explanation or location: no reasons, no input.
    ObjectNode bare = VerdictJson.verdict(e.verdict(), null, null);
    assertEquals(VERDICT_KEYS.subList(0, VERDICT_KEYS.size() - 1), keys(bare));
    assertEquals(0, bare.get("reasons").size());
  }

  @Test
  void rejectedRecordKeepsItsPlace() throws Exception {
    ReadOutcome.Rejected r =
        new ReadOutcome.Rejected(new RecordLocation("bad.jsonl", 7, 3), "invalid JSON: oops");
    assertEquals(
        "{\"id\":null,\"error\":\"invalid JSON: oops\",\"input\":{\"file\":\"bad.jsonl\",\"line\":7,\"record\":3}}",
        VerdictJson.mapper().writeValueAsString(VerdictJson.rejected(r)));
  }
}
