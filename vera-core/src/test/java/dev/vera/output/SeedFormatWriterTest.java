package dev.vera.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.vera.article.Article;
import dev.vera.article.Label;
import dev.vera.io.ArticleInputs;
import dev.vera.io.InputFormat;
import dev.vera.io.ReadOutcome;
import dev.vera.io.ReaderOptions;
import dev.vera.model.CredibilityModel;
import dev.vera.model.ScoringOptions;
import dev.vera.model.SourceEvidence;
import dev.vera.model.Verdict;
import dev.vera.testing.FixtureCorpus;
import dev.vera.testing.FixtureModels;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedFormatWriterTest {
  private static final SourceEvidence NONE =
      new SourceEvidence(null, SourceEvidence.Basis.NONE, 0.4, 0, Map.of(), null);

  @TempDir Path dir;

  private static Verdict verdict(String id, Label label, double p) {
    return new Verdict(id, label, p, p, 0.5, false, NONE, 0.3, null);
  }

  @Test
  void writesTheFoundingFormat() {
    Article a =
        new Article(
            "x-1",
            "A title\nover two lines",
            "Body line one.\n\nBody line two.",
            LocalDate.of(2021, 2, 5),
            "https://www.example.com/a",
            "example.com",
            null,
            Map.of());
    StringWriter s = new StringWriter();
    SeedFormatWriter.write(new PrintWriter(s), a, verdict("x-1", Label.FAKE, 0.91249));
    assertEquals(
        " date 2021-02-05 ✖ 0.912\n"
            + " id x-1\n"
            + " title A title over two lines\n"
            + " url https://www.example.com/a\n"
            + " source example.com\n"
            + "\n"
            + "Body line one.\n\nBody line two.\n\n",
        s.toString());

    StringWriter t = new StringWriter();
    SeedFormatWriter.write(
        new PrintWriter(t), Article.of("", "Just a body."), verdict(null, Label.REAL, 0.05));
    assertEquals(" date unknown ✔ 0.050\n\nJust a body.\n\n", t.toString());
  }

  /**
   * Vera's seed output is valid input: reading it back gives the same articles, labelled with the
   * verdicts written.
   */
  @Test
  void outputReadsBackAsTheSameArticlesWithTheVerdictsAsLabels() throws IOException {
    CredibilityModel model = FixtureModels.model();
    List<Article> articles = new ArrayList<>(FixtureCorpus.part(FixtureCorpus.articles(), "test"));
    articles.add(Article.of("", "An article with no title, id, date or source."));
    articles.add(Article.of("A title only", ""));
    StringWriter s = new StringWriter();
    PrintWriter out = new PrintWriter(s);
    List<Verdict> verdicts = new ArrayList<>();
    for (Article a : articles) {
      Verdict v = model.predict(a, ScoringOptions.DEFAULT);
      verdicts.add(v);
      SeedFormatWriter.write(out, a, v);
    }
    out.flush();
    Path file = Files.writeString(dir.resolve("out.txt"), s.toString(), StandardCharsets.UTF_8);

    for (ReaderOptions options :
        List.of(ReaderOptions.defaults(), ReaderOptions.defaults().withFormat(InputFormat.SEED))) {
      List<ReadOutcome> back = ArticleInputs.readAll(file, options);
      assertEquals(articles.size(), back.size());
      for (int i = 0; i < articles.size(); i++) {
        Article original = articles.get(i);
        Article read =
            assertInstanceOf(ReadOutcome.Parsed.class, back.get(i), back.get(i)::toString)
                .article();
        String id = original.id() != null ? original.id() : "out#" + (i + 1);
        assertEquals(id, read.id());
        assertEquals(original.title(), read.title(), id);
        assertEquals(original.text(), read.text(), id);
        assertEquals(original.date(), read.date(), id);
        assertEquals(original.url(), read.url(), id);
        assertEquals(original.source(), read.source(), id);
        assertEquals(verdicts.get(i).label(), read.label(), id);
      }
    }
  }
}
