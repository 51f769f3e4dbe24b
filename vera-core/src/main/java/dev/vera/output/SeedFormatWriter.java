package dev.vera.output;

import dev.vera.article.Article;
import dev.vera.model.Verdict;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Writes verdicts in Vera's founding format: a header {@code " date YYYY-MM-DD ✖ 0.912"} (date
 * {@code unknown} when not known; the mark from the verdict, then the probability of fake), the
 * metadata lines Vera knows ({@code " title …"}, {@code " url …"}, {@code " source …"}), a blank
 * line, and the body. Vera reads this output back as input.
 */
public final class SeedFormatWriter {
  private SeedFormatWriter() {}

  public static void write(PrintWriter out, Article article, Verdict verdict) {
    String date = article.date() == null ? "unknown" : article.date().toString();
    out.print(" date " + date + " " + verdict.label().mark() + " ");
    out.print(String.format(Locale.ROOT, "%.3f", verdict.probabilityFake()));
    out.print('\n');
    if (article.id() != null) {
      out.print(" id " + oneLine(article.id()) + "\n");
    }
    if (!article.title().isEmpty()) {
      out.print(" title " + oneLine(article.title()) + "\n");
    }
    if (article.url() != null) {
      out.print(" url " + oneLine(article.url()) + "\n");
    }
    if (article.source() != null) {
      out.print(" source " + oneLine(article.source()) + "\n");
    }
    out.print('\n');
    out.print(article.text());
    out.print("\n\n");
  }

  private static String oneLine(String s) {
    return s.replaceAll("[\\r\\n]+", " ").strip();
  }
}
