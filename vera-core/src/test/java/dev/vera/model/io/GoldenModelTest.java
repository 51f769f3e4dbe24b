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
import java.util.List;
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
public class GoldenModelTest {
  private static final String HOW =
      " (after an intended change to scoring, regenerate: mvn -B -o -q -pl vera-core test"
          + " -Dtest=GoldenModelGenerator -Dvera.golden.regenerate=true)";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One golden file per format version written, with and without a neighbour index. */
  static Stream<String> goldenFiles() {
    return Stream.of(
        "golden-v1",
        "golden-v2",
        "golden-v3",
        "golden-v5",
        "golden-v6",
        "golden-v6-linear",
        "golden-v7",
        "golden-v7-linear");
  }

  @ParameterizedTest
  @MethodSource("goldenFiles")
  void aGoldenFileLoadsAndGivesTheRecordedScores(String base) throws IOException {
    assertGoldenFile(base, GoldenModelTest.class);
  }

  /**
   * Checks the golden file {@code /golden/<base>.vera} on {@code owner}'s class path against its
   * recorded scores.
   */
  public static void assertGoldenFile(String base, Class<?> owner) throws IOException {
    JsonNode expected;
    try (InputStream in = resource(owner, base + "-expected.json")) {
      expected = JSON.readTree(in);
    }
    GoldenModelGenerator.FileFormat format;
    try (InputStream in = resource(owner, base + ".vera")) {
      format = GoldenModelGenerator.formatOf(in);
    }
    assertEquals(expected.path("format_version").asInt(), format.version(), base);
    assertTrue(
        base.startsWith("golden-v" + format.version()),
        base + " holds version " + format.version());
    CredibilityModel model;
    try (InputStream in = resource(owner, base + ".vera")) {
      model = ModelFile.read(in, base + ".vera");
    }
    assertEquals(expected.path("model_id").asText(), model.card().modelId());
    assertEquals(40 + 3, expected.path("articles").size());
    assertRecordedScores(model, expected.path("articles"), base);
  }

  @Test
  void theBundledModelsLoadAndGiveTheRecordedScores() throws IOException {
    assertBundledModelsGiveTheRecordedScores(
        resource(GoldenModelTest.class, GoldenModelGenerator.BUNDLED),
        GoldenModelGenerator.BUNDLED_MODELS);
  }

  /** Checks {@code models} against the figures recorded in {@code recorded} (closed here). */
  public static void assertBundledModelsGiveTheRecordedScores(
      InputStream recorded, List<BundledModel> models) throws IOException {
    JsonNode expected;
    try (recorded) {
      expected = JSON.readTree(recorded);
    }
    for (BundledModel b : models) {
      JsonNode e = expected.path(b.modelName());
      CredibilityModel model = GoldenModelGenerator.load(b);
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

  private static InputStream resource(Class<?> owner, String name) {
    InputStream in = owner.getResourceAsStream("/golden/" + name);
    assertNotNull(in, "missing src/test/resources/golden/" + name + HOW);
    return in;
  }
}
