package dev.vera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vera.article.Article;
import dev.vera.io.ReaderOptions;
import dev.vera.model.CredibilityModel;
import dev.vera.model.ProgressListener;
import dev.vera.model.ScoringOptions;
import dev.vera.model.io.ModelFile;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vera feedback}, its export and list, and corrections in {@code train} and {@code eval}.
 */
class FeedbackCommandTest {
  @TempDir Path dir;

  @Test
  void storesListsExportsAndRetrainsWithCorrections() throws Exception {
    Path model = Cli.trainModel(dir);
    Path db = dir.resolve("fb/feedback.db");
    String corpus = Cli.corpus().toString();

    Cli.Result stored =
        Cli.expect(
            0,
            "feedback",
            "fx-020",
            "--article",
            corpus,
            "--label",
            "fake",
            "--note",
            "checked with the studio",
            "--analyst",
            "ana",
            "--db",
            db.toString(),
            "--model",
            model.toString());
    assertTrue(
        stored.out().startsWith("Stored correction #1 in " + db + ": fx-020 (content hash "),
        stored::toString);
    Cli.expect(
        0,
        "feedback",
        "fx-021",
        "--article",
        corpus,
        "--label",
        "real",
        "--analyst",
        "bo",
        "--db",
        db.toString(),
        "--model",
        model.toString());

    Cli.Result list = Cli.expect(0, "feedback", "list", "--db", db.toString());
    assertTrue(list.out().startsWith("2 corrections in " + db), list::toString);
    assertTrue(
        list.out().contains("fx-020") && list.out().contains("checked with the studio"),
        list::toString);

    Path export = dir.resolve("corrections.jsonl");
    Cli.expect(0, "feedback", "export", "--db", db.toString(), "--out", export.toString());
    List<String> lines = Files.readAllLines(export, StandardCharsets.UTF_8);
    assertEquals(2, lines.size());
    JsonNode first = Cli.json(lines.get(0));
    assertEquals(1, first.path("id").asInt());
    assertEquals("fake", first.path("label").asText());
    assertEquals("ana", first.path("analyst").asText());
    assertEquals("checked with the studio", first.path("note").asText());
    assertEquals("fx-020", first.path("article").path("id").asText());
    CredibilityModel m = ModelFile.read(model);
    assertEquals(m.card().modelId(), first.path("model_id").asText());
    Article fx020 = FeedbackCommand.find(corpusArticles(), "fx-020", List.of(Cli.corpus()));
    assertEquals(fx020.contentHashHex(), first.path("content_hash").asText());
    assertEquals(
        m.predict(fx020.withLabel(null), ScoringOptions.DEFAULT).probabilityFake(),
        first.path("model_probability_fake").asDouble(),
        1e-6);
    assertTrue(first.path("created_at").asText().endsWith("Z"));
    // Standard output gives the same lines.
    assertEquals(lines, Cli.expect(0, "feedback", "export", "--db", db.toString()).outLines());

    // By content hash, as 'list' shows it.
    Cli.expect(
        0,
        "feedback",
        fx020.contentHashHex(),
        "--article",
        corpus,
        "--label",
        "fake",
        "--analyst",
        "ana",
        "--db",
        db.toString(),
        "--model",
        model.toString());

    Path retrained = dir.resolve("retrained.vera");
    Path card = dir.resolve("card.md");
    List<String> train =
        new ArrayList<>(
            List.of(
                "train",
                "--data",
                corpus,
                "--split-field",
                "split",
                "--out",
                retrained.toString(),
                "--feedback",
                db.toString(),
                "--card",
                card.toString()));
    train.addAll(List.of(Cli.SMALL));
    Cli.Result trained = Cli.expect(0, train.toArray(String[]::new));
    assertTrue(
        trained
            .out()
            .startsWith(
                "Joined 2 analysts' corrections from "
                    + db
                    + " (each counted 3×); 0 training"
                    + " articles they replace, 2 validation/test articles they cover left out"),
        trained::toString);
    assertTrue(trained.out().contains("on 120 articles and 2 corrections in "), trained::toString);
    CredibilityModel after = ModelFile.read(retrained);
    assertEquals(2, after.card().data().corrections());
    assertEquals(3, after.card().data().correctionWeight());
    assertEquals(
        38,
        after.card().test().n(),
        "the two corrected test articles are no longer scored as test");
    assertTrue(Files.readString(card).contains("| analysts' corrections | 2 "));

    Cli.Result eval =
        Cli.expect(
            0,
            "eval",
            "--model",
            retrained.toString(),
            "--feedback",
            db.toString(),
            "--corrected-only");
    assertTrue(eval.out().contains("on the 2 corrected articles of " + db), eval::toString);
    assertTrue(eval.out().contains("2 of them are in this model's training data"), eval::toString);
    Cli.Result evalBefore =
        Cli.expect(
            0,
            "eval",
            "--model",
            model.toString(),
            "--feedback",
            db.toString(),
            "--corrected-only");
    assertTrue(
        evalBefore.out().contains("0 of them are in this model's training data"),
        evalBefore::toString);
  }

  @Test
  void refusesWhatItCannotStore() throws Exception {
    Path db = dir.resolve("feedback.db");
    String corpus = Cli.corpus().toString();
    Cli.Result badLabel =
        Cli.expect(
            2,
            "feedback",
            "fx-020",
            "--article",
            corpus,
            "--label",
            "maybe",
            "--analyst",
            "a",
            "--db",
            db.toString());
    assertTrue(
        badLabel.err().contains("--label must be fake or real, was \"maybe\""), badLabel::toString);
    Cli.Result unknown =
        Cli.expect(
            2,
            "feedback",
            "no-such",
            "--article",
            corpus,
            "--label",
            "fake",
            "--analyst",
            "a",
            "--db",
            db.toString());
    assertTrue(
        unknown
            .err()
            .contains(
                "no article with id or content hash no-such among the 200 articles of " + corpus),
        unknown::toString);
    Cli.Result noArticle =
        Cli.expect(
            2, "feedback", "fx-020", "--label", "fake", "--analyst", "a", "--db", db.toString());
    assertTrue(noArticle.err().contains("--article FILE is needed"), noArticle::toString);
    Cli.Result noDb =
        Cli.expect(3, "feedback", "export", "--db", dir.resolve("none.db").toString());
    assertTrue(
        noDb.err().contains("no feedback database at " + dir.resolve("none.db")), noDb::toString);
    Files.writeString(dir.resolve("junk.db"), "not sqlite\n".repeat(100));
    Cli.Result junk = Cli.expect(3, "feedback", "list", "--db", dir.resolve("junk.db").toString());
    assertTrue(junk.err().contains("not a SQLite database"), junk::toString);
    Cli.Result alone = Cli.expect(2, "eval", "--corrected-only");
    assertTrue(
        alone.err().contains("--feedback DB and --corrected-only go together"), alone::toString);
    assertEquals(false, Files.exists(db), "nothing was stored, so no database was created");
  }

  private static List<Article> corpusArticles() throws Exception {
    return Inputs.readAll(
            List.of(Cli.corpus()),
            ReaderOptions.defaults(),
            new PrintWriter(Writer.nullWriter()),
            ProgressListener.NONE)
        .articles();
  }
}
