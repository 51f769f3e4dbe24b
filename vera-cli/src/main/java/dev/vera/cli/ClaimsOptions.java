package dev.vera.cli;

import dev.vera.claims.CheckedClaim;
import dev.vera.claims.ClaimChecker;
import dev.vera.claims.FactCheck;
import dev.vera.claims.FactCheckIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The {@code --claims} options of {@code vera check} and {@code vera serve}. */
public final class ClaimsOptions implements AutoCloseable {
  @Option(
      names = "--claims",
      description =
          "Also list the check-worthy sentences (and, with --index, the published fact-checks"
              + " closest to each, and any other sentence close enough to one).")
  boolean enabled;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "Fact-check index made by 'vera index build' (implies --claims).")
  @Nullable Path index;

  @Option(
      names = "--claims-model",
      paramLabel = "MODEL",
      description = "Check-worthiness model (default: $VERA_CLAIMS_MODEL, else the bundled one).")
  @Nullable Path model;

  @Option(
      names = "--min-score",
      paramLabel = "S",
      description =
          "Similarity under which a fact-check is not shown (default: the index's own, recorded"
              + " by 'vera index build' or 'vera index tune').")
  @Nullable Double minScore;

  private @Nullable FactCheckIndex opened;

  /** The checker, or null when claims were not asked for. */
  @Nullable ClaimChecker open() throws IOException {
    if (!enabled && index == null) {
      return null;
    }
    var m = ClaimsCommand.load(model);
    opened = index == null ? null : FactCheckIndex.open(index);
    try {
      return new ClaimChecker(m, opened, minScore);
    } catch (IllegalArgumentException e) {
      close();
      throw new VeraCommand.UsageException(e.getMessage());
    }
  }

  static String text(ClaimChecker checker, List<CheckedClaim> claims) {
    StringBuilder sb = new StringBuilder();
    long checkWorthy = claims.stream().filter(CheckedClaim::checkWorthy).count();
    sb.append(
        String.format(
            Locale.ROOT,
            "  check-worthy sentences: %d (P ≥ %.3f)%s%n",
            checkWorthy,
            checker.model().threshold(),
            checkWorthy == claims.size()
                ? ""
                : String.format(
                    Locale.ROOT,
                    "; %d more matching a published fact-check",
                    claims.size() - checkWorthy)));
    for (CheckedClaim c : claims) {
      sb.append(
          String.format(
              Locale.ROOT,
              "    %.2f  \u201c%s\u201d%s%n",
              c.probability(),
              c.sentence().text(),
              c.checkWorthy() ? "" : "  (under the cut; listed for its fact-check)"));
      if (checker.hasIndex() && c.matches().isEmpty()) {
        sb.append("          no published fact-check close enough\n");
      }
      for (FactCheckIndex.Hit h : c.matches()) {
        FactCheck f = h.factCheck();
        sb.append(
            String.format(
                Locale.ROOT,
                "          %s: %s (%s%s) \u201c%s\u201d%s  [score %.2f]%n",
                f.publisher(),
                f.verdict(),
                f.date() == null ? "no date" : f.date(),
                f.speaker() == null ? "" : ", " + f.speaker(),
                f.claim(),
                f.url() == null ? "" : " " + f.url(),
                h.score()));
      }
    }
    return sb.toString();
  }

  @Override
  public void close() throws IOException {
    if (opened != null) {
      opened.close();
      opened = null;
    }
  }
}
