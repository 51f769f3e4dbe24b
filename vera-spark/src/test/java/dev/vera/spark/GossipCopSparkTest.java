package dev.vera.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vera.article.Article;
import dev.vera.model.CredibilityModel;
import dev.vera.model.ScoringOptions;
import dev.vera.model.io.ModelFile;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the GossipCop {@code split=test} part (2,884 articles) every probability the Spark job writes
 * equals {@link CredibilityModel#predict}'s for the article Vera's own reader makes of the same
 * record. Skipped when the data is absent.
 */
@Tag("corpus")
class GossipCopSparkTest {

  private static SparkSession spark;

  @TempDir static Path tmp;

  @BeforeAll
  static void start() {
    if (Files.isRegularFile(corpus())) {
      spark = SparkTestSupport.localSession();
    }
  }

  private static Path corpus() {
    return SparkTestSupport.dataDir().resolve("gossipcop/articles.jsonl");
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void everyProbabilityOnTheTestPartEqualsPredict() throws Exception {
    Path corpus = corpus();
    assumeTrue(
        spark != null,
        "GossipCop not found at " + corpus + " (set VERA_DATA or add ../shared/data): skipped");
    Path testPart = tmp.resolve("gossipcop-test.jsonl");
    ObjectMapper json = new ObjectMapper();
    int lines = 0;
    try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8);
        BufferedWriter out = Files.newBufferedWriter(testPart, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode n = json.readTree(line);
        if (n != null && "test".equals(n.path("split").asText(null))) {
          out.write(line);
          out.write('\n');
          lines++;
        }
      }
    }
    assertEquals(2884, lines, "GossipCop split=test size");

    CredibilityModel model = ModelFile.read(SparkTestSupport.bundledModel());
    Map<String, Article> expected = SparkTestSupport.coreArticles(testPart);
    assertEquals(lines, expected.size());

    Path out = tmp.resolve("scored");
    VeraSparkJob.run(
        spark,
        JobOptions.parse(
            new String[] {
              "--input",
              testPart.toString(),
              "--format",
              "jsonl",
              "--output",
              out.toString(),
              "--model",
              SparkTestSupport.bundledModel().toString()
            }));

    int checked = 0;
    Iterator<Row> rows =
        spark
            .read()
            .parquet(out.toString())
            .select("id", "probability_fake", "text_probability_fake", "label", "error")
            .toLocalIterator();
    while (rows.hasNext()) {
      Row r = rows.next();
      String id = r.getString(0);
      Article a = expected.get(id);
      assertNull(r.get(4), id);
      var v = model.predict(a, ScoringOptions.DEFAULT);
      assertEquals(v.probabilityFake(), r.getDouble(1), 0.0, id);
      assertEquals(v.textProbabilityFake(), r.getDouble(2), 0.0, id);
      assertEquals(v.label().wireName(), r.getString(3), id);
      checked++;
    }
    assertEquals(lines, checked);
  }
}
