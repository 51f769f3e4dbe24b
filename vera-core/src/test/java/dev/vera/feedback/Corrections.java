package dev.vera.feedback;

import dev.vera.article.Article;
import dev.vera.article.Label;
import java.time.LocalDate;
import java.util.Map;

/** Small corrections for the store's tests. */
final class Corrections {
  private Corrections() {}

  static Correction draft(String analyst, int n) {
    Article a =
        new Article(
            "a-" + n,
            "Headline " + n,
            "Body of article number " + n + ". It says something.",
            LocalDate.of(2024, 1, 1 + n % 28),
            "https://example.com/" + n,
            "example.com",
            null,
            Map.of());
    return Correction.draft(a, "model-x", Label.REAL, 0.25, Label.FAKE, "note " + n, analyst);
  }
}
