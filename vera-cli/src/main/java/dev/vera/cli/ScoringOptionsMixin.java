package dev.vera.cli;

import dev.vera.model.ScoringOptions;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --use-source} and {@code --threshold}, shared by commands that decide. */
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

  ScoringOptions toOptions() {
    try {
      return new ScoringOptions(useSource, threshold);
    } catch (IllegalArgumentException e) {
      throw new VeraCommand.UsageException(e.getMessage());
    }
  }
}
