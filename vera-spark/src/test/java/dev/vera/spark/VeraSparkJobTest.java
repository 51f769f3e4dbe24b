package dev.vera.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.article.Article;
import dev.vera.model.CredibilityModel;
import dev.vera.model.ScoringOptions;
import dev.vera.model.Verdict;
import dev.vera.model.io.ModelFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VeraSparkJobTest {

  private static SparkSession spark;
  private static CredibilityModel model;
  private static Path fixture;
  private static Map<String, Article> expected;

  @TempDir static Path tmp;

  @BeforeAll
  static void start() throws IOException {
    spark = SparkTestSupport.localSession();
    model = ModelFile.read(SparkTestSupport.bundledModel());
    fixture = tmp.resolve("fixture.jsonl");
    try (InputStream in = VeraSparkJobTest.class.getResourceAsStream("/fixture.jsonl")) {
      Files.copy(in, fixture);
    }
    expected = SparkTestSupport.coreArticles(fixture);
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  private static JobOptions options(String out, String outFormat, String... extra)
      throws UsageException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--input",
                fixture.toString(),
                "--format",
                "jsonl",
                "--output",
                out,
                "--output-format",
                outFormat,
                "--model",
                SparkTestSupport.bundledModel().toString()));
    args.addAll(List.of(extra));
    return JobOptions.parse(args.toArray(String[]::new));
  }

  private void assertSameAsCore(Path out, String format, ScoringOptions scoring)
      throws UsageException {
    assertSameAsCore(out, format, scoring, 8);
  }

  private void assertSameAsCore(Path out, String format, ScoringOptions scoring, int records)
      throws UsageException {
    assertSameAsCore(out, format, scoring, records, model);
  }

  private void assertSameAsCore(
      Path out, String format, ScoringOptions scoring, int records, CredibilityModel model)
      throws UsageException {
    Dataset<Row> got =
        format.equals("parquet")
            ? spark.read().parquet(out.toString())
            : spark.read().json(out.toString());
    List<Row> rows = got.collectAsList();
    assertEquals(records, rows.size());
    Set<String> seen = new HashSet<>();
    for (Row r : rows) {
      String id = r.getAs("id");
      Article a = id == null ? null : expected.get(id);
      if (a == null) {
        // the records Vera's reader rejects (no title and no text; invalid JSON) get an error
        // and no verdict
        String error = r.getAs("error");
        assertNotNull(error, String.valueOf(id));
        assertTrue(id == null ? error.contains("could not be parsed") : id.equals("fx-6"), error);
        assertNull(r.getAs("probability_fake"));
        continue;
      }
      seen.add(id);
      Verdict v = model.predict(a, scoring);
      assertNull(r.getAs("error"), id);
      assertEquals(v.probabilityFake(), (double) r.getAs("probability_fake"), 0.0, id);
      assertEquals(v.textProbabilityFake(), (double) r.getAs("text_probability_fake"), 0.0, id);
      assertEquals(v.threshold(), (double) r.getAs("threshold"), 0.0, id);
      assertEquals(v.label().wireName(), r.getAs("label"), id);
      assertEquals(v.usedSource(), r.getAs("used_source"), id);
      assertEquals(v.source().domain(), r.getAs("source_domain"), id);
      assertEquals(v.source().basis().wireName(), r.getAs("source_basis"), id);
      assertEquals(v.source().fakeRate(), (double) r.getAs("source_fake_rate"), 0.0, id);
      // the input's own label column is kept beside the verdict
      assertEquals(a.label() == null ? null : a.label().wireName(), r.getAs("input_label"), id);
    }
    assertEquals(expected.keySet(), seen);
  }

  @Test
  void parquetOutputMatchesPredictExactly() throws Exception {
    Path out = tmp.resolve("out-parquet");
    VeraSparkJob.run(spark, options(out.toString(), "parquet"));
    assertSameAsCore(out, "parquet", ScoringOptions.DEFAULT);
  }

  @Test
  void accurateModelWithItsSentenceEncoderMatchesPredict() throws Exception {
    // The accurate model runs ONNX Runtime inside the executors: the same numbers as predict().
    Path accurate =
        SparkTestSupport.repositoryRoot().resolve("models/vera-accurate-gossipcop.vera");
    Path out = tmp.resolve("out-accurate");
    List<String> args =
        List.of(
            "--input",
            fixture.toString(),
            "--format",
            "jsonl",
            "--output",
            out.toString(),
            "--output-format",
            "jsonl",
            "--model",
            accurate.toString());
    VeraSparkJob.run(spark, JobOptions.parse(args.toArray(String[]::new)));
    CredibilityModel m = ModelFile.read(accurate);
    assertNotNull(m.embedding(), "the accurate model stacks sentence embeddings");
    assertSameAsCore(out, "jsonl", ScoringOptions.DEFAULT, 8, m);
  }

  @Test
  void jsonlOutputWithSourceAndThresholdMatchesPredict() throws Exception {
    Path out = tmp.resolve("out-jsonl");
    VeraSparkJob.run(spark, options(out.toString(), "jsonl", "--use-source", "--threshold", "0.6"));
    assertSameAsCore(out, "jsonl", new ScoringOptions(true, 0.6));
  }

  /** The job's output rows by id (the unparsable record, which has none, left out). */
  private static Map<String, Row> rowsById(Path out, String format) {
    Dataset<Row> got =
        format.equals("parquet")
            ? spark.read().parquet(out.toString())
            : spark.read().json(out.toString());
    Map<String, Row> byId = new TreeMap<>();
    for (Row r : got.collectAsList()) {
      String id = r.getAs("id");
      if (id != null) {
        byId.put(id, r);
      }
    }
    return byId;
  }

  /**
   * {@code --base-rate P} re-expresses every probability and threshold as the core does for {@code
   * ScoringOptions.withBaseRate(P)}, moves P(fake) the way the rate moves (down for a feed with
   * less fake than the training mix, up for one with more), states P in the base_rate column of
   * every verdict and leaves the applicability alone.
   */
  @Test
  void baseRateChangesTheProbabilitiesAsTheCoreDoes() throws Exception {
    double mix = model.scope().mix().referenceRate();
    for (Object[] run : new Object[][] {{0.05, false}, {0.8, true}}) {
      double rate = (double) run[0];
      boolean useSource = (boolean) run[1];
      ScoringOptions scoring = new ScoringOptions(useSource, null).withBaseRate(rate);
      String[] source = useSource ? new String[] {"--use-source"} : new String[0];
      // The job without a base rate, once (the other tests show its rows are predict's at the
      // training mix); with the source, predict stands for it.
      Map<String, Row> atMix = null;
      if (!useSource) {
        Path plain = tmp.resolve("out-mix");
        VeraSparkJob.run(spark, options(plain.toString(), "parquet"));
        atMix = rowsById(plain, "parquet");
      }
      Path out = tmp.resolve("out-rate-" + rate);
      List<String> extra = new ArrayList<>(List.of("--base-rate", String.valueOf(rate)));
      extra.addAll(List.of(source));
      VeraSparkJob.run(spark, options(out.toString(), "jsonl", extra.toArray(String[]::new)));
      Map<String, Row> got = rowsById(out, "jsonl");
      assertEquals(expected.size() + 1, got.size(), got.keySet().toString()); // fx-6 has an error
      for (Map.Entry<String, Row> e : got.entrySet()) {
        String id = e.getKey();
        Row r = e.getValue();
        Article a = expected.get(id);
        if (a == null) {
          assertNotNull(r.getAs("error"), id);
          assertNull(r.getAs("base_rate"), id);
          continue;
        }
        Verdict v = model.predict(a, scoring);
        Verdict before = model.predict(a, new ScoringOptions(useSource, null));
        String where = id + " at base rate " + rate;
        assertEquals(rate, (double) r.getAs("base_rate"), 0.0, where);
        assertEquals(v.probabilityFake(), (double) r.getAs("probability_fake"), 1e-12, where);
        assertEquals(
            v.textProbabilityFake(), (double) r.getAs("text_probability_fake"), 1e-12, where);
        assertEquals(v.threshold(), (double) r.getAs("threshold"), 1e-12, where);
        assertEquals(v.label().wireName(), r.getAs("label"), where);
        assertEquals(useSource, r.getAs("used_source"), where);
        // Without a base rate: the training mix, another P(fake), the same applicability.
        assertEquals(mix, before.baseRate(), 0.0, id);
        double p0 = before.probabilityFake();
        if (atMix != null) {
          Row m = atMix.get(id);
          assertEquals(mix, (double) m.getAs("base_rate"), 0.0, id);
          assertEquals(p0, (double) m.getAs("probability_fake"), 0.0, id);
          assertEquals(
              (double) m.getAs("applicability"), (double) r.getAs("applicability"), 0.0, where);
          assertEquals(
              (boolean) m.getAs("outside_experience"),
              (boolean) r.getAs("outside_experience"),
              where);
        }
        double p = r.getAs("probability_fake");
        assertTrue(rate < mix ? p < p0 - 1e-6 : p > p0 + 1e-6, where + ": " + p0 + " -> " + p);
        assertEquals(before.applicability(), v.applicability(), where);
        assertEquals(v.applicability().score(), (double) r.getAs("applicability"), 0.0, where);
        assertEquals(v.applicability().outsideExperience(), r.getAs("outside_experience"), where);
      }
      // The JSON lines themselves say the rate.
      long stated = 0;
      try (var files = Files.list(out)) {
        for (Path f : files.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
          for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            if (line.contains("\"error\":null")) {
              assertTrue(line.contains("\"base_rate\":" + rate + ","), line);
              stated++;
            }
          }
        }
      }
      assertEquals(expected.size(), stated);
    }
  }

  @Test
  void csvAndParquetInputsScoreLikeJsonl() throws Exception {
    Path csv = tmp.resolve("fixture-csv");
    Path parquet = tmp.resolve("fixture-parquet");
    // the fixture without its invalid JSON line (and Spark's _corrupt_record column)
    Dataset<Row> in = spark.read().json(fixture.toString()).cache();
    in = in.filter(in.col("_corrupt_record").isNull()).drop("_corrupt_record");
    in.write().option("header", "true").option("escape", "\"").csv(csv.toString());
    in.write().parquet(parquet.toString());
    for (String[] f : new String[][] {{csv.toString(), "csv"}, {parquet.toString(), "parquet"}}) {
      Path out = tmp.resolve("out-from-" + f[1]);
      JobOptions o =
          JobOptions.parse(
              new String[] {
                "--input",
                f[0],
                "--format",
                f[1],
                "--output",
                out.toString(),
                "--model",
                SparkTestSupport.bundledModel().toString()
              });
      VeraSparkJob.run(spark, o);
      assertSameAsCore(out, "parquet", ScoringOptions.DEFAULT, 7);
    }
  }

  @Test
  void findsAModelShippedLikeSparkSubmitFiles() throws Exception {
    // spark-submit --files model.vera … --model model.vera: the name exists only among the
    // files Spark ships to the executors (SparkFiles), not in the working directory.
    Path shipped = tmp.resolve("shipped/shipped-model.vera");
    Files.createDirectories(shipped.getParent());
    Files.copy(SparkTestSupport.bundledModel(), shipped);
    spark.sparkContext().addFile(shipped.toString());
    Path out = tmp.resolve("out-shipped");
    VeraSparkJob.run(
        spark,
        JobOptions.parse(
            new String[] {
              "--input",
              fixture.toString(),
              "--format",
              "jsonl",
              "--output",
              out.toString(),
              "--model",
              "shipped-model.vera"
            }));
    assertSameAsCore(out, "parquet", ScoringOptions.DEFAULT);
  }

  @Test
  void refusesToOverwriteWithoutForce() throws Exception {
    Path out = tmp.resolve("out-twice");
    VeraSparkJob.run(spark, options(out.toString(), "parquet"));
    assertThrows(
        UsageException.class, () -> VeraSparkJob.run(spark, options(out.toString(), "parquet")));
    VeraSparkJob.run(spark, options(out.toString(), "parquet", "--force"));
    assertSameAsCore(out, "parquet", ScoringOptions.DEFAULT);
  }

  @Test
  void checksArguments() {
    String[][] bad = {
      {},
      {"--input", "a.jsonl", "--output", "o"},
      {"--input", "a.jsonl", "--output", "o", "--model", "m", "--format", "xml"},
      {"--input", "a.jsonl", "--output", "o", "--model", "m", "--threshold", "1.5"},
      {"--input", "a.jsonl", "--output", "o", "--model", "m", "--output-format", "csv"},
      {"--input", "a.jsonl", "--output", "o", "--model", "m", "--bogus"},
      {"--input", "a.dat", "--output", "o", "--model", "m"},
      {"--input", "a.jsonl", "--output", "o", "--model"},
    };
    for (String[] args : bad) {
      assertThrows(UsageException.class, () -> JobOptions.parse(args), String.join(" ", args));
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        VeraSparkJob.run(
            new String[] {"--input", "a.jsonl"},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--output is required"));
  }

  @Test
  void missingModelExitsWithThreeBeforeStartingSpark() throws Exception {
    Path notAModel = tmp.resolve("not-a-model.vera");
    Files.writeString(notAModel, "hello");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        VeraSparkJob.run(
            new String[] {
              "--input",
              fixture.toString(),
              "--output",
              tmp.resolve("o3").toString(),
              "--model",
              notAModel.toString()
            },
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(3, code, err.toString(StandardCharsets.UTF_8));
  }
}
