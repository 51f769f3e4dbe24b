package dev.vera.cli;

import static dev.vera.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.article.Article;
import dev.vera.article.Label;
import dev.vera.feedback.Correction;
import dev.vera.feedback.FeedbackStore;
import dev.vera.output.VerdictJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ids, titles, sources and notes holding terminal escapes (ESC sequences, an OSC that retitles the
 * window, BEL, NUL, a carriage return, a bidi override) are shown, not obeyed, wherever Vera prints
 * for a terminal; JSON output keeps them exactly.
 */
class TerminalEscapesTest {
  static final String ESC = "\u001b";
  static final String NASTY_ID = "id" + ESC + "[2J" + ESC + "]0;owned\u0007\r\u0000\u202e";
  static final String NASTY_TITLE = ESC + "[31mRED" + ESC + "[0m title\nfake line";

  @TempDir Path dir;

  private static void assertNoControls(String text) {
    for (char c : text.toCharArray()) {
      boolean control =
          (c < 0x20 && c != '\n' && c != '\t')
              || (c >= 0x7f && c <= 0x9f)
              || (c >= 0x202a && c <= 0x202e);
      assertFalse(
          control,
          "control character U+" + Integer.toHexString(c) + " reached the terminal: " + text);
    }
  }

  private Path nastyInput() throws Exception {
    ObjectNode n = VerdictJson.mapper().createObjectNode();
    n.put("id", NASTY_ID)
        .put("title", NASTY_TITLE)
        .put("text", "A source close to the star said so." + ESC + "[8m hidden")
        .put("source", "evil" + ESC + "[5m.example");
    return Files.writeString(dir.resolve("nasty.jsonl"), n.toString() + "\n");
  }

  @Test
  void checkAndExplainShowControlCharacters() throws Exception {
    Path in = nastyInput();
    for (String verb : new String[] {"check", "explain"}) {
      Cli.Result r = run(verb, in.toString());
      assertEquals(0, r.exit(), r::toString);
      assertNoControls(r.out());
      assertNoControls(r.err());
      assertTrue(r.out().contains("id\u241b[2J\u241b]0;owned\u2407"), r.out());
    }
  }

  @Test
  void jsonOutputStaysExact() throws Exception {
    Cli.Result r = run("check", "-f", "jsonl", nastyInput().toString());
    assertEquals(0, r.exit(), r::toString);
    JsonNode v = Cli.json(r.out().strip());
    assertEquals(NASTY_ID, v.path("id").asText());
  }

  @Test
  void feedbackListShowsControlCharacters() throws Exception {
    Path db = dir.resolve("feedback.db");
    try (FeedbackStore store = FeedbackStore.open(db)) {
      Article a = new Article(NASTY_ID, NASTY_TITLE, "text", null, null, null, null, Map.of());
      store.add(
          Correction.draft(
              a,
              "m",
              Label.FAKE,
              0.9,
              Label.REAL,
              "note " + ESC + "]0;x\u0007\nforged row",
              "ana" + ESC + "[1m"));
    }
    Cli.Result r = run("feedback", "list", "--db", db.toString());
    assertEquals(0, r.exit(), r::toString);
    assertNoControls(r.out());
    assertEquals(3, r.out().strip().split("\n").length, "no line forged by a note: " + r.out());
  }
}
