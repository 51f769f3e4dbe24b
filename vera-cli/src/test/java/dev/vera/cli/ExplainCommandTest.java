package dev.vera.cli;

import static dev.vera.cli.Cli.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {
  /** {@code +0.412 body "allegedly" ×2}. */
  static final Pattern PHRASE_LINE =
      Pattern.compile("(?m)^ {4,}([+-]\\d+\\.\\d{3})  (title|body) +\"([^\"]+)\" +×(\\d+)$");

  /** {@code +0.071 One pal allegedly told the magazine…}. */
  static final Pattern SENTENCE_LINE = Pattern.compile("(?m)^    ([+-]\\d\\.\\d{3})  (\\S.*)$");

  @TempDir static Path shared;
  static Path model;
  static Path article;

  @BeforeAll
  static void train() throws IOException {
    model = Cli.trainModel(shared);
    article = Files.writeString(shared.resolve("one.txt"), CheckCommandTest.SEED);
  }

  @Test
  void listsPhrasesWithWeightsSentencesAndStyle() {
    Cli.Result r =
        expect(0, "explain", "--model", model.toString(), "--top", "4", article.toString());
    String out = r.out();

    assertEquals(2, CheckCommandTest.verdictLines(out).size(), r::toString);
    assertTrue(
        out.contains("Phrases (weight = change in log-odds of fake; title and body are separate):"),
        out);
    Matcher phrases = PHRASE_LINE.matcher(out);
    int n = 0;
    while (phrases.find()) {
      double weight = Double.parseDouble(phrases.group(1));
      assertTrue(weight != 0, phrases.group());
      assertTrue(Integer.parseInt(phrases.group(4)) >= 1);
      n++;
    }
    assertTrue(n >= 2 && n <= 2 * 4 * 2, "phrase lines: " + n + "\n" + out);

    assertTrue(
        out.contains("Sentences that move P(fake) most (change when the sentence is removed):"),
        out);
    String firstBlock = out.substring(out.indexOf("Sentences that move"), out.indexOf("Style:"));
    Matcher sentences = SENTENCE_LINE.matcher(firstBlock);
    List<String> seen = new ArrayList<>();
    while (sentences.find()) {
      seen.add(sentences.group(2));
    }
    assertEquals(
        List.of(
            "A source close to Brad Pitt said the star is absolutely devastated!",
            "Fans are shocked!",
            "An insider allegedly revealed that Brad Pitt has been hiding the truth for months."),
        seen.stream()
            .sorted((a, b) -> CheckCommandTest.SEED.indexOf(a) - CheckCommandTest.SEED.indexOf(b))
            .toList(),
        "every sentence of the first article's body, in some order of effect");
    assertTrue(out.contains("  Style:\n"), out);
    assertTrue(out.contains("exclamations_per_1k_chars"), out);
    // The most similar training articles, with their labels and similarities, named by title,
    // publisher and date, with the URL beneath.
    assertTrue(out.contains("  Similar training articles (from other publishers; weight "), out);
    assertTrue(
        Pattern.compile(
                "(?m)^    \\d+ of the 30 nearest were fake; similarity-weighted share of fake \\d\\.\\d\\d$")
            .matcher(out)
            .find(),
        out);
    assertTrue(
        Pattern.compile(
                "(?m)^    [✖✔] (fake|real) [01]\\.\\d{3}  “[^”]+” \\([^)]+, \\d{4}-\\d\\d-\\d\\d\\)\n {21}https://\\S+$")
            .matcher(out)
            .find(),
        out);
    // The verdict's summary line names the nearest three the same way, titles cut at 50 characters.
    assertTrue(
        Pattern.compile(
                "(?m)^  similar stories: .*; nearest: [✖✔] “[^”]{1,50}” \\([^)]+\\) [01]\\.\\d\\d, ")
            .matcher(out)
            .find(),
        out);
  }

  /** {@code check --explain} is the same command under another name. */
  @Test
  void checkExplainIsTheSame() {
    Cli.Result explain = expect(0, "explain", "--model", model.toString(), article.toString());
    Cli.Result check =
        expect(0, "check", "--explain", "--model", model.toString(), article.toString());
    assertEquals(explain.out(), check.out());
  }

  @Test
  void jsonlExplanationsCarrySentencesAndPhraseSpans() {
    Cli.Result r =
        expect(0, "explain", "--model", model.toString(), "--format", "jsonl", article.toString());
    List<JsonNode> lines = r.jsonLines();
    assertEquals(2, lines.size());
    for (JsonNode n : lines) {
      assertTrue(n.get("sentences").size() >= 2, n::toString);
      boolean phrase = false;
      for (JsonNode reason : n.get("reasons")) {
        if (reason.get("kind").asText().equals("phrase")) {
          phrase = true;
          assertEquals(
              reason.get("weight").asDouble() > 0 ? "fake" : "real",
              reason.get("direction").asText());
          assertTrue(reason.get("spans").size() >= 1);
        }
      }
      assertTrue(phrase, n::toString);
    }
  }
}
