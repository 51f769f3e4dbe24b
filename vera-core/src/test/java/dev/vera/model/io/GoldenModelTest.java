package dev.vera.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vera.article.Article;
import dev.vera.model.CredibilityModel;
import dev.vera.model.ScoringOptions;
import dev.vera.model.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A committed format-v1 model file must keep loading and keep scoring as it did when it was
 * written. When scoring changes on purpose (features, tokenization, hashing), regenerate the golden
 * files as {@link GoldenModelGenerator} explains; a failure here without such a change means old
 * model files would now give different verdicts.
 */
class GoldenModelTest {
  private static final String HOW =
      " (after an intended change to scoring, regenerate: mvn -B -o -q -pl vera-core test"
          + " -Dtest=GoldenModelGenerator -Dvera.golden.regenerate=true)";

  private static byte[] file;
  private static CredibilityModel model;
  private static JsonNode expected;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = resource(GoldenModelGenerator.MODEL)) {
      file = in.readAllBytes();
    }
    try (InputStream in = resource(GoldenModelGenerator.MODEL)) {
      model = ModelFile.read(in, GoldenModelGenerator.MODEL);
    }
    try (InputStream in = resource(GoldenModelGenerator.EXPECTED)) {
      expected = new ObjectMapper().readTree(in);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = GoldenModelTest.class.getResourceAsStream("/golden/" + name);
    assertNotNull(in, "missing src/test/resources/golden/" + name + HOW);
    return in;
  }

  @Test
  void goldenFileIsAFormatVersionOneFile() {
    assertEquals(1, ByteBuffer.wrap(file, ModelFileTest.VERSION_OFFSET, 4).getInt());
    assertEquals(1, expected.path("format_version").asInt());
    assertEquals(expected.path("model_id").asText(), model.card().modelId());
    assertEquals(40 + 3, expected.path("articles").size());
  }

  @Test
  void goldenModelGivesTheRecordedScores() {
    ScoringOptions withSource = new ScoringOptions(true, null);
    for (JsonNode n : expected.path("articles")) {
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
      String id = a.id();
      Verdict v = model.predict(a, ScoringOptions.DEFAULT);
      assertEquals(n.path("probability_fake").asDouble(), v.probabilityFake(), 1e-12, id + HOW);
      assertEquals(n.path("label").asText(), v.label().wireName(), id + HOW);
      Verdict s = model.predict(a, withSource);
      assertEquals(
          n.path("probability_fake_with_source").asDouble(), s.probabilityFake(), 1e-12, id + HOW);
      assertEquals(n.path("label_with_source").asText(), s.label().wireName(), id + HOW);
    }
  }
}
