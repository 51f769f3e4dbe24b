package dev.vera.cli;

import static dev.vera.cli.Cli.SMALL;
import static dev.vera.cli.Cli.concat;
import static dev.vera.cli.Cli.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainAndModelInfoTest {
  private static final Pattern TRAINED =
      Pattern.compile(
          "Trained (fixture-[0-9a-f]{12}) on (\\d+) articles in \\d+\\.\\d s \\(C=([0-9.]+), threshold"
              + " (0\\.\\d{3})\\); wrote (.+) \\((\\d+) bytes\\)");

  @TempDir static Path shared;
  static Path model;
  static Path card;
  static Cli.Result trained;

  @TempDir Path dir;

  @BeforeAll
  static void train() {
    model = shared.resolve("out/model.vera");
    card = shared.resolve("MODEL_CARD.md");
    trained =
        expect(
            0,
            concat(
                new String[] {
                  "train",
                  "--data",
                  Cli.corpus().toString(),
                  "--split-field",
                  "split",
                  "--name",
                  "fixture",
                  "--out",
                  model.toString(),
                  "--card",
                  card.toString()
                },
                SMALL));
  }

  @Test
  void trainWritesTheModelAndSaysWhatItDid() throws IOException {
    List<String> lines = trained.outLines();
    Matcher m = TRAINED.matcher(lines.get(0));
    assertTrue(m.matches(), trained::toString);
    assertEquals("120", m.group(2));
    assertTrue(List.of("1.0", "4.0").contains(m.group(3)), m.group(3));
    assertEquals(model.toString(), m.group(5));
    assertEquals(Files.size(model), Long.parseLong(m.group(6)));
    assertTrue(lines.get(1).strip().startsWith("split=valid"), trained::toString);
    assertTrue(lines.get(1).contains("n=40"), trained::toString);
    assertTrue(lines.get(2).strip().startsWith("split=test"), trained::toString);
    assertEquals(3, lines.size(), trained::toString);
    assertEquals("", trained.err(), "-q: no progress output");
  }

  @Test
  void cardIsMarkdown() throws IOException {
    String md = Files.readString(card);
    String id = idFromTrainOutput();
    assertTrue(md.startsWith("# Model card: " + id + "\n"), md);
    assertTrue(md.contains("| training articles | 120 (48 fake, 72 real) |"), md);
    assertTrue(md.contains("| validation articles | 40 |"), md);
    assertTrue(md.contains("| split field | `split` |"), md);
    assertTrue(md.contains("`" + Cli.corpus() + "`"), md);
    assertTrue(md.contains("| model format | vera-credibility v7 |"), md);
    assertTrue(
        md.contains(
            "| neighbours | the 30 training articles most similar to the article, from other publishers"),
        md);
    assertTrue(md.contains("; weights title-words 0.7, title-chars 0.5 |"), md);
    assertTrue(md.contains("## Metrics"), md);
    assertTrue(md.contains("| split=test | 40 |"), md);
    assertTrue(
        Pattern.compile(
                "\\| kept per training article \\| id, publisher, title, date and URL, so that a verdict names"
                    + " its similar stories; 120 articles, 120 titles, \\d+ dates, 120 URLs; \\d+ KB of the model"
                    + " file \\(deflated\\) \\|")
            .matcher(md)
            .find(),
        md);
  }

  private static String idFromTrainOutput() {
    Matcher m = TRAINED.matcher(trained.outLines().get(0));
    assertTrue(m.matches());
    return m.group(1);
  }

  @Test
  void modelInfoPrintsTheCard() throws IOException {
    Cli.Result r = expect(0, "model", "info", model.toString());
    assertTrue(r.out().startsWith(Files.readString(card)), r::toString);
    assertTrue(
        r.out()
            .matches(
                "(?s).*\\nFile: "
                    + Pattern.quote(model.toString())
                    + "; \\d+ of 65536 hashed feature slots kept; 120 training content hashes\\.\\n"),
        r::toString);
  }

  @Test
  void modelInfoJson() throws IOException, NoSuchAlgorithmException {
    JsonNode card = Cli.json(expect(0, "model", "info", "--json", model.toString()).out());
    assertEquals(idFromTrainOutput(), card.get("model_id").asText());
    assertEquals("fixture", card.get("name").asText());
    JsonNode data = card.get("training_data");
    assertEquals(120, data.get("train_articles").asInt());
    assertEquals(48, data.get("train_fake").asInt());
    assertEquals(40, data.get("valid_articles").asInt());
    assertEquals("split", data.get("split_field").asText());
    // The id hashes the training set with the settings (LinearTrainer.modelId), so it is not the
    // training set hash itself.
    String id = card.get("model_id").asText();
    assertTrue(id.matches("fixture-[0-9a-f]{12}"), id);
    assertTrue(data.get("training_set_sha256").asText().matches("[0-9a-f]{64}"));
    JsonNode file = data.get("files").get(0);
    assertEquals(Cli.corpus().toString(), file.get("path").asText());
    assertEquals(Files.size(Cli.corpus()), file.get("bytes").asLong());
    String sha =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(Cli.corpus())));
    assertEquals(sha, file.get("sha256").asText());
    assertEquals(16, card.get("parameters").get("features").get("hash_bits").asInt());
    assertEquals(2, card.get("parameters").get("c_search").size());
    assertEquals("split=test", card.get("test").get("part").asText());
    assertEquals(40, card.get("test").get("n").asInt());
  }

  /** Without a split field a stratified tenth is held out: 180 train, 20 valid, no test. */
  @Test
  void trainWithoutSplitFieldHoldsOutATenth() throws IOException {
    Path m = dir.resolve("holdout.vera");
    Cli.Result r =
        expect(
            0,
            concat(
                new String[] {"train", "--data", Cli.corpus().toString(), "--out", m.toString()},
                SMALL));
    assertTrue(r.outLines().get(0).contains(" on 180 articles "), r::toString);
    assertTrue(r.outLines().get(1).matches(" +holdout=valid +n=20 .*"), r::toString);
    JsonNode card = Cli.json(expect(0, "model", "info", "--json", m.toString()).out());
    assertTrue(card.get("training_data").get("split_field").isNull());
    assertTrue(card.get("test").isNull());
  }

  /** Rejected training records are reported; the model is still trained on the rest (exit 1). */
  @Test
  void trainReportsRejectedRecordsAndExitsOne() throws IOException {
    Path bad =
        Files.writeString(dir.resolve("bad.jsonl"), "{\"title\":\"x\",\"label\":\"maybe\"}\n");
    Path m = dir.resolve("m.vera");
    Cli.Result r =
        expect(
            1,
            concat(
                new String[] {
                  "train",
                  "--data",
                  Cli.corpus().toString(),
                  bad.toString(),
                  "--split-field",
                  "split",
                  "--out",
                  m.toString()
                },
                SMALL));
    assertTrue(
        r.err()
            .contains(
                "vera: skipped "
                    + bad
                    + ":1 (record 1): field 'label' is 'maybe'; allowed values are 'fake' and 'real'"),
        r::toString);
    assertTrue(Files.isRegularFile(m));
  }

  @Test
  void trainOnOneClassIsAUsageError() throws IOException {
    Path fakeOnly = dir.resolve("fake.jsonl");
    Files.write(
        fakeOnly,
        Files.readAllLines(Cli.corpus()).stream()
            .filter(l -> l.contains("\"label\":\"fake\""))
            .toList());
    Path m = dir.resolve("m.vera");
    Cli.Result r =
        expect(
            2,
            concat(
                new String[] {
                  "train",
                  "--data",
                  fakeOnly.toString(),
                  "--split-field",
                  "split",
                  "--out",
                  m.toString()
                },
                SMALL));
    assertEquals(
        "vera train: the training part holds one class only (48 fake articles); both fake and real"
            + " examples are needed\n",
        r.err());
    assertFalse(Files.exists(m));
  }

  @Test
  void spaceWeightsGivenReplaceTheDefaults() throws IOException {
    Path weighted = dir.resolve("weighted.vera");
    Path weightedCard = dir.resolve("weighted.md");
    expect(
        0,
        concat(
            new String[] {
              "train",
              "--data",
              Cli.corpus().toString(),
              "--split-field",
              "split",
              "--space-weight",
              "body-chars=0.5",
              "--space-weight",
              "title-words=2",
              "--out",
              weighted.toString(),
              "--card",
              weightedCard.toString()
            },
            SMALL));
    String md = Files.readString(weightedCard);
    assertTrue(md.contains("; weights title-words 2, body-chars 0.5 |"), md);
    Cli.Result bad =
        expect(
            2,
            "train",
            "--data",
            Cli.corpus().toString(),
            "--split-field",
            "split",
            "--space-weight",
            "title-words=-1",
            "--out",
            dir.resolve("bad.vera").toString());
    assertTrue(
        bad.err().contains("the weight of title-words must be a positive number, was -1.0"),
        bad::toString);
  }
}
