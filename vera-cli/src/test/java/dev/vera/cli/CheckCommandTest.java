package dev.vera.cli;

import static dev.vera.cli.Cli.expect;
import static dev.vera.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vera.article.Article;
import dev.vera.io.ArticleInputs;
import dev.vera.io.ReadOutcome;
import dev.vera.io.ReaderOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  static final List<String> VERDICT_KEYS =
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

  static final String SEED =
      " date 2021-02-05 ✖\n"
          + " title SHOCKING: Brad Pitt hiding a secret wedding!\n"
          + "\n"
          + "A source close to Brad Pitt said the star is absolutely devastated! Fans are shocked!\n"
          + "An insider allegedly revealed that Brad Pitt has been hiding the truth for months.\n"
          + " date 2021-03-01 ✔\n"
          + " title Taylor Swift announces new album release date\n"
          + "\n"
          + "Taylor Swift said in a statement on Monday that the new album would go ahead as planned.\n"
          + "A spokesperson for Taylor Swift confirmed the news to reporters on March 1, 2021.\n";

  @TempDir static Path shared;
  static Path model;

  @TempDir Path dir;

  @BeforeAll
  static void train() {
    model = Cli.trainModel(shared);
  }

  static List<String> keys(JsonNode n) {
    List<String> keys = new ArrayList<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    return keys;
  }

  /** The lines that start a verdict: the mark, then the label. */
  static List<String> verdictLines(String out) {
    return out.lines().filter(l -> l.startsWith("✖ fake") || l.startsWith("✔ real")).toList();
  }

  @Test
  void checksASeedFile() throws IOException {
    Path file = Files.writeString(dir.resolve("two.txt"), SEED);
    Cli.Result r = expect(0, "check", "--model", model.toString(), file.toString());

    List<String> verdicts = verdictLines(r.out());
    assertEquals(2, verdicts.size(), r::toString);
    assertTrue(verdicts.get(0).contains("two#1") && verdicts.get(1).contains("two#2"), r::toString);
    for (String v : verdicts) {
      assertTrue(
          v.matches(
              "[✖✔] (fake|real)  two#[12]  P\\(fake\\) = [01]\\.\\d{3}  \\(text alone [01]\\.\\d{3}; threshold 0\\.\\d{3}\\)"),
          v);
    }
    assertTrue(r.out().contains("toward fake:"), r::toString);
    assertTrue(r.out().contains("toward credible:"), r::toString);
    assertTrue(r.out().contains("  source: no publisher given; nothing known"), r::toString);
    assertEquals("", r.err());
  }

  @Test
  void jsonlGivesOneLinePerInputInOrder() throws IOException {
    Path file = dir.resolve("in.jsonl");
    Files.writeString(
        file,
        "{\"id\":\"c\",\"title\":\"Insider: star furious!\",\"text\":\"Allegedly a source close to her said so!\"}\n"
            + "\n"
            + "{\"id\":\"a\",\"title\":\"Court sets date\",\"text\":\"The judge said in a statement on Monday.\",\"source\":\"wirenews.example.org\"}\n"
            + "{\"id\":\"b\",\"text\":\"Body only.\",\"url\":\"https://www.unknown.example/x\"}\n");
    Cli.Result r =
        expect(0, "check", "--model", model.toString(), "--format", "jsonl", file.toString());

    List<JsonNode> lines = r.jsonLines();
    assertEquals(3, lines.size(), r::toString);
    assertEquals(List.of("c", "a", "b"), lines.stream().map(n -> n.get("id").asText()).toList());
    long[] expectedLines = {1, 3, 4};
    for (int i = 0; i < 3; i++) {
      JsonNode n = lines.get(i);
      assertEquals(VERDICT_KEYS, keys(n));
      assertEquals(
          List.of("domain", "basis", "fake_rate", "training_articles", "ratings", "rated_domain"),
          keys(n.get("source")));
      assertEquals(file.toString(), n.get("input").get("file").asText());
      assertEquals(expectedLines[i], n.get("input").get("line").asLong());
      assertEquals(i + 1, n.get("input").get("record").asLong());
      double p = n.get("probability_fake").asDouble();
      assertTrue(p >= 0 && p <= 1);
      assertEquals(p >= n.get("threshold").asDouble() ? "fake" : "real", n.get("label").asText());
      assertEquals(p, n.get("text_probability_fake").asDouble());
      assertTrue(n.get("reasons").isArray());
    }
    assertEquals("training", lines.get(1).get("source").get("basis").asText());
    assertEquals("unknown.example", lines.get(2).get("source").get("domain").asText());
    assertEquals("none", lines.get(2).get("source").get("basis").asText());
  }

  /**
   * The seed output is valid input: read back, it is the same articles labelled by the verdicts.
   */
  @Test
  void seedOutputReadsBackAsInput() throws IOException {
    Path in = dir.resolve("few.jsonl");
    Files.write(in, Files.readAllLines(Cli.corpus()).subList(0, 12));
    Cli.Result seed =
        expect(0, "check", "--model", model.toString(), "--format", "seed", in.toString());
    Cli.Result jsonl =
        expect(0, "check", "--model", model.toString(), "--format", "jsonl", in.toString());
    Path out = Files.writeString(dir.resolve("verdicts.txt"), seed.out());

    List<ReadOutcome> original = ArticleInputs.readAll(in, ReaderOptions.defaults());
    List<ReadOutcome> back = ArticleInputs.readAll(out, ReaderOptions.defaults());
    List<JsonNode> verdicts = jsonl.jsonLines();
    assertEquals(12, back.size());
    for (int i = 0; i < 12; i++) {
      Article a = ((ReadOutcome.Parsed) original.get(i)).article();
      Article b =
          assertInstanceOf(ReadOutcome.Parsed.class, back.get(i), back.get(i)::toString).article();
      assertEquals(a.id(), b.id());
      assertEquals(a.title(), b.title());
      assertEquals(a.text(), b.text());
      assertEquals(a.date(), b.date());
      assertEquals(a.url(), b.url());
      assertEquals(a.source(), b.source());
      assertEquals(verdicts.get(i).get("label").asText(), b.label().wireName());
    }
    // And checking the seed output again gives the same scores.
    Cli.Result again =
        expect(0, "check", "--model", model.toString(), "--format", "jsonl", out.toString());
    assertEquals(
        verdicts.stream().map(n -> n.get("probability_fake").asDouble()).toList(),
        again.jsonLines().stream().map(n -> n.get("probability_fake").asDouble()).toList());
  }

  /** A directory is read recursively in path order; hidden files are skipped. */
  @Test
  void checksADirectory() throws IOException {
    Path d = dir.resolve("inbox");
    Files.createDirectories(d.resolve("sub"));
    Files.createDirectories(d.resolve(".cache"));
    Files.writeString(d.resolve("a.txt"), "Plain headline\n\nA plain text article body.\n");
    Files.writeString(
        d.resolve("b.jsonl"),
        "{\"id\":\"b1\",\"title\":\"One\",\"text\":\"First.\"}\n{\"id\":\"b2\",\"title\":\"Two\",\"text\":\"Second.\"}\n");
    Files.writeString(d.resolve("sub/c.txt"), SEED);
    Files.writeString(d.resolve(".hidden.txt"), "not read");
    Files.writeString(d.resolve(".cache/x.txt"), "not read either");

    Cli.Result r =
        expect(0, "check", "--model", model.toString(), "--format", "jsonl", d.toString());
    List<JsonNode> lines = r.jsonLines();
    assertEquals(
        List.of("a", "b1", "b2", "c#1", "c#2"),
        lines.stream().map(n -> n.get("id").asText()).toList(),
        r::toString);
    assertEquals(
        List.of(
                d.resolve("a.txt"),
                d.resolve("b.jsonl"),
                d.resolve("b.jsonl"),
                d.resolve("sub/c.txt"),
                d.resolve("sub/c.txt"))
            .stream()
            .map(Path::toString)
            .toList(),
        lines.stream().map(n -> n.get("input").get("file").asText()).toList());

    Cli.Result text = expect(0, "check", "--model", model.toString(), d.toString());
    assertEquals(5, verdictLines(text.out()).size(), text::toString);
  }

  @Test
  void checksStandardInput() {
    Cli.Result r =
        run(
            new ByteArrayInputStream(SEED.getBytes(StandardCharsets.UTF_8)),
            "check",
            "--model",
            model.toString(),
            "--format",
            "jsonl",
            "-");
    assertEquals(0, r.exit(), r::toString);
    List<JsonNode> lines = r.jsonLines();
    assertEquals(2, lines.size(), r::toString);
    assertEquals(List.of("-#1", "-#2"), lines.stream().map(n -> n.get("id").asText()).toList());
    assertEquals("-", lines.get(0).get("input").get("file").asText());
    assertEquals(6, lines.get(1).get("input").get("line").asLong());

    Cli.Result plain =
        run(
            new ByteArrayInputStream(
                "Just one line of plain text from a pipe.".getBytes(StandardCharsets.UTF_8)),
            "check",
            "--model",
            model.toString(),
            "-");
    assertEquals(0, plain.exit(), plain::toString);
    assertEquals(1, verdictLines(plain.out()).size(), plain::toString);
    assertTrue(plain.out().contains("P(fake)"));
  }

  /** Without --use-source the text score decides; with it the verdict says the source was used. */
  @Test
  void useSourceAndThresholdOptions() throws IOException {
    Path in = dir.resolve("few.jsonl");
    Files.write(in, Files.readAllLines(Cli.corpus()).subList(100, 110));
    List<JsonNode> plain =
        expect(0, "check", "-m", model.toString(), "-f", "jsonl", in.toString()).jsonLines();
    List<JsonNode> withSource =
        expect(0, "check", "-m", model.toString(), "-f", "jsonl", "--use-source", in.toString())
            .jsonLines();
    List<JsonNode> low =
        expect(
                0,
                "check",
                "-m",
                model.toString(),
                "-f",
                "jsonl",
                "--threshold",
                "0.000001",
                in.toString())
            .jsonLines();
    for (int i = 0; i < plain.size(); i++) {
      assertTrue(!plain.get(i).get("used_source").asBoolean());
      assertTrue(withSource.get(i).get("used_source").asBoolean());
      assertEquals(
          plain.get(i).get("text_probability_fake").asDouble(),
          withSource.get(i).get("text_probability_fake").asDouble());
      assertEquals(1e-6, low.get(i).get("threshold").asDouble());
    }
    // At a threshold of one in a million nearly everything is fake.
    assertTrue(
        low.stream().filter(n -> n.get("label").asText().equals("fake")).count() >= 9,
        low.stream().map(JsonNode::toString).collect(Collectors.joining("\n")));
  }
}
