package dev.vera.example;

import dev.vera.api.Article;
import dev.vera.api.Check;
import dev.vera.api.Explained;
import dev.vera.api.Vera;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Judges an article with Vera's bundled model and says why: the README's Java example.
 *
 * <p>Usage: {@code CheckArticle FILE}, where the file's first line is the headline and the rest the
 * body.
 */
public final class CheckArticle {
  private CheckArticle() {}

  public static void main(String[] args) throws IOException {
    String[] lines = Files.readString(Path.of(args[0])).strip().split("\n", 2);
    Article article = Article.of(lines[0], lines.length > 1 ? lines[1] : "");

    // Load once (about a second) and share: a Vera is immutable and thread-safe.
    Vera vera = Vera.load("fast");
    Check check = vera.check(article);
    System.out.printf(
        "%s: P(fake) = %.3f (threshold %.3f, model %s)%n",
        check.verdict(), check.probabilityFake(), check.threshold(), vera.card().modelId());

    // Why: the phrases that weigh most, in log-odds of fake.
    Explained why = vera.explain(article, 3);
    for (Explained.Phrase p : why.towardFake()) {
      System.out.printf("  toward fake:     %-20s %+.2f%n", p.phrase(), p.weight());
    }
    for (Explained.Phrase p : why.towardCredible()) {
      System.out.printf("  toward credible: %-20s %+.2f%n", p.phrase(), p.weight());
    }

    // The known stories most like it, as a colleague can look them up.
    if (why.neighbours() != null) {
      for (Explained.Neighbour n : why.neighbours().nearest()) {
        System.out.printf(
            "  similar story:   %s %s (%s, %s), similarity %.2f%n",
            n.fake() ? "fake" : "credible",
            n.title() == null ? n.id() : "\"" + n.title() + "\"",
            n.publisher() == null ? "publisher unknown" : n.publisher(),
            n.date() == null ? "undated" : n.date(),
            n.similarity());
      }
    }

    // A feed where one article in twenty is fake: the same model, re-expressed.
    Check rare = vera.withBaseRate(0.05).check(article);
    System.out.printf("  at a 5%% base rate: P(fake) = %.3f%n", rare.probabilityFake());
  }
}
