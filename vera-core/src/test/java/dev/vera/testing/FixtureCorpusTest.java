package dev.vera.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.article.Article;
import dev.vera.article.Label;
import dev.vera.io.ArticleInputs;
import dev.vera.io.ReadOutcome;
import dev.vera.io.ReaderOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixture corpus is what other tests assume it is: counts, determinism, readable JSONL. */
class FixtureCorpusTest {
  /** vera-cli's copy of the corpus, relative to this module's directory (Maven's working dir). */
  static final Path CLI_COPY = Path.of("../vera-cli/src/test/resources/fixture/corpus.jsonl");

  @TempDir Path dir;

  @Test
  void layoutIsAsDocumented() {
    List<Article> all = FixtureCorpus.articles();
    assertEquals(FixtureCorpus.SIZE, all.size());
    assertEquals(80, all.stream().filter(a -> a.label() == Label.FAKE).count());
    assertCounts(all, "train", FixtureCorpus.TRAIN, FixtureCorpus.TRAIN_FAKE);
    assertCounts(all, "valid", FixtureCorpus.VALID, FixtureCorpus.VALID_FAKE);
    assertCounts(all, "test", FixtureCorpus.TEST, FixtureCorpus.TEST_FAKE);
    assertEquals(FixtureCorpus.SIZE, all.stream().map(Article::id).distinct().count());
    assertEquals(
        FixtureCorpus.SIZE,
        all.stream().map(Article::contentHash).distinct().count(),
        "every article has its own content");
    Set<String> sources = all.stream().map(Article::source).collect(Collectors.toSet());
    assertEquals(5, sources.size(), sources.toString());
    for (Article a : all) {
      assertEquals(a.source(), Article.domainOf(a.url()), a.id());
      assertEquals(a.title().strip(), a.title());
      assertEquals(a.text().strip(), a.text());
    }
  }

  private static void assertCounts(List<Article> all, String part, int n, int fake) {
    List<Article> p = FixtureCorpus.part(all, part);
    assertEquals(n, p.size(), part);
    assertEquals(fake, p.stream().filter(a -> a.label() == Label.FAKE).count(), part);
  }

  @Test
  void sameSeedSameCorpusOtherSeedAnother() {
    assertEquals(FixtureCorpus.articles(), FixtureCorpus.generate(200, FixtureCorpus.SEED));
    assertNotEquals(FixtureCorpus.articles(), FixtureCorpus.generate(200, FixtureCorpus.SEED + 1));
  }

  /** Tabloid wording leans fake and wire wording leans real, but neither decides alone. */
  @Test
  void wordingLeansButDoesNotDecide() {
    Pattern tabloid =
        Pattern.compile("insider|allegedly|a source close to|shocking|!", Pattern.CASE_INSENSITIVE);
    Pattern wire = Pattern.compile("said in a statement|according to court|spokesperson");
    List<Article> all = FixtureCorpus.articles();
    double fakeTabloid = share(all, Label.FAKE, tabloid);
    double realTabloid = share(all, Label.REAL, tabloid);
    double fakeWire = share(all, Label.FAKE, wire);
    double realWire = share(all, Label.REAL, wire);
    assertTrue(fakeTabloid > realTabloid + 0.3, fakeTabloid + " vs " + realTabloid);
    assertTrue(realWire > fakeWire + 0.3, realWire + " vs " + fakeWire);
    assertTrue(realTabloid > 0.1, "some credible articles use tabloid words: " + realTabloid);
    assertTrue(fakeWire > 0.1, "some fake articles use wire phrasing: " + fakeWire);
  }

  private static double share(List<Article> all, Label label, Pattern p) {
    List<Article> of = all.stream().filter(a -> a.label() == label).toList();
    return (double) of.stream().filter(a -> p.matcher(a.title() + "\n" + a.text()).find()).count()
        / of.size();
  }

  @Test
  void jsonlReadsBackAsTheSameArticles() throws IOException {
    Path file = FixtureCorpus.writeJsonl(dir.resolve("corpus.jsonl"));
    List<ReadOutcome> read = ArticleInputs.readAll(file, ReaderOptions.defaults());

    List<Article> expected = FixtureCorpus.articles();
    assertEquals(expected.size(), read.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), ((ReadOutcome.Parsed) read.get(i)).article());
    }
  }

  /**
   * vera-cli cannot see this module's test classes, so its tests read a committed copy of the
   * corpus. Regenerate it after changing the generator, from the repository root:
   *
   * <pre>
   * mvn -B -o -q -pl vera-core test -Dtest=FixtureCorpusTest -Dvera.fixture.regenerate=true
   * </pre>
   */
  @Test
  void veraCliCopyIsCurrent() throws IOException {
    if (Boolean.getBoolean("vera.fixture.regenerate")) {
      FixtureCorpus.writeJsonl(CLI_COPY);
    }
    Path fresh = FixtureCorpus.writeJsonl(dir.resolve("corpus.jsonl"));
    assertTrue(Files.isRegularFile(CLI_COPY), "missing " + CLI_COPY.toAbsolutePath());
    assertEquals(
        Files.readString(fresh),
        Files.readString(CLI_COPY),
        CLI_COPY + " is out of date: regenerate it (see this test's Javadoc)");
  }
}
