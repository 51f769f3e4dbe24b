package dev.vera.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vera.article.Article;
import dev.vera.model.CredibilityModel;
import dev.vera.model.ScoringOptions;
import dev.vera.model.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Committed model files of every format version this Vera has written must keep loading and keep
 * scoring as they did when they were written; so must the bundled models. When scoring changes on
 * purpose (features, tokenization, hashing), regenerate the current version's golden files as
 * {@link GoldenModelGenerator} explains; a failure here without such a change means old model files
 * would now give different verdicts.
 */
class GoldenModelTest {
  private static final String HOW =
      " (after an intended change to scoring, regenerate: mvn -B -o -q -pl vera-core test"
          + " -Dtest=GoldenModelGenerator -Dvera.golden.regenerate=true)";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One golden file per format version written, with and without a neighbour index. */
  static Stream<String> goldenFiles() {
    return Stream.of("golden-v1", "golden-v6", "golden-v6-linear");
  }

  @ParameterizedTest
  @MethodSource("goldenFiles")
  void aGoldenFileLoadsAndGivesTheRecordedScores(String base) throws IOException {
    JsonNode expected;
    try (InputStream in = resource(base + "-expected.json")) {
      expected = JSON.readTree(in);
    }
    GoldenModelGenerator.FileFormat format;
    try (InputStream in = resource(base + ".vera")) {
      format = GoldenModelGenerator.formatOf(in);
    }
    assertEquals(expected.path("format_version").asInt(), format.version(), base);
    assertTrue(
        base.startsWith("golden-v" + format.version()),
        base + " holds version " + format.version());
    CredibilityModel model;
    try (InputStream in = resource(base + ".vera")) {
      model = ModelFile.read(in, base + ".vera");
    }
    assertEquals(expected.path("model_id").asText(), model.card().modelId());
    assertEquals(40 + 3, expected.path("articles").size());
    assertRecordedScores(model, expected.path("articles"), base);
  }

  @Test
  void theBundledModelsLoadAndGiveTheRecordedScores() throws IOException {
    JsonNode expected;
    try (InputStream in = resource(GoldenModelGenerator.BUNDLED)) {
      expected = JSON.readTree(in);
    }
    for (BundledModel b : GoldenModelGenerator.BUNDLED_MODELS) {
      JsonNode e = expected.path(b.modelName());
      CredibilityModel model = b.load(null);
      assertEquals(e.path("model_id").asText(), model.card().modelId(), b.modelName());
      assertRecordedScores(model, e.path("articles"), b.modelName());
    }
  }

  private static void assertRecordedScores(CredibilityModel model, JsonNode articles, String what) {
    ScoringOptions withSource = new ScoringOptions(true, null);
    for (JsonNode n : articles) {
      Article a =
          new Article(
              n.path("id").asText(),
              n.path("title").asText(),
              n.path("text").asText(),
              null,
              n.path("url").isNull() ? null : n.path("url").asText(),
              n.path("source").isNull() ? null : n.path("source").asText(),
              null,
              Map.of());
      String id = what + " " + a.id();
      Verdict v = model.predict(a, ScoringOptions.DEFAULT);
      assertEquals(n.path("probability_fake").asDouble(), v.probabilityFake(), 1e-12, id + HOW);
      assertEquals(n.path("label").asText(), v.label().wireName(), id + HOW);
      Verdict s = model.predict(a, withSource);
      assertEquals(
          n.path("probability_fake_with_source").asDouble(), s.probabilityFake(), 1e-12, id + HOW);
      assertEquals(n.path("label_with_source").asText(), s.label().wireName(), id + HOW);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = GoldenModelTest.class.getResourceAsStream("/golden/" + name);
    assertNotNull(in, "missing src/test/resources/golden/" + name + HOW);
    return in;
  }
}
