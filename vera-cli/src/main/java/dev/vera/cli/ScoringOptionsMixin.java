package dev.vera.cli;

import dev.vera.model.ScoringOptions;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code --use-source}, {@code --threshold} and {@code --base-rate}, shared by commands that
 * decide.
 */
public final class ScoringOptionsMixin {
  @Option(
      names = "--use-source",
      description =
          "Mix the publisher's reputation into the verdict (it is always reported beside the"
              + " text score).")
  boolean useSource;

  @Option(
      names = "--threshold",
      paramLabel = "P",
      description = "Decide fake when P(fake) >= P (default: the model's, chosen on validation).")
  @Nullable Double threshold;

  @Option(
      names = "--base-rate",
      paramLabel = "P",
      description =
          "The share of fake articles in your feed: the probability and the threshold are"
              + " re-expressed for it (default: the model's training mix, which every verdict"
              + " states).")
  @Nullable Double baseRate;

  ScoringOptions toOptions() {
    try {
      return new ScoringOptions(useSource, threshold, baseRate);
    } catch (IllegalArgumentException e) {
      throw new VeraCommand.UsageException(e.getMessage());
    }
  }
}
