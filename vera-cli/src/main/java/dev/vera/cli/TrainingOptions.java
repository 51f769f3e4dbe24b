package dev.vera.cli;

import dev.vera.model.SourceReputation;
import dev.vera.model.TrainingConfig;
import dev.vera.text.FeatureConfig;
import dev.vera.text.FeatureSpace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Training settings shared by {@code train} and {@code experiment}; defaults are Vera's. */
public final class TrainingOptions {
  private static final TrainingConfig DEFAULTS = TrainingConfig.defaults();

  @Option(names = "--name", paramLabel = "NAME", description = "Model name (default: vera-fast).")
  String name = DEFAULTS.name();

  @Option(
      names = "--c",
      split = ",",
      paramLabel = "C",
      description = "Candidate regularization values, chosen on validation (default: 0.5,1,2,4).")
  List<Double> cGrid = DEFAULTS.cGrid();

  @Option(names = "--seed", paramLabel = "N", description = "Seed (default: 42).")
  long seed = DEFAULTS.seed();

  @Option(
      names = "--spaces",
      split = ",",
      paramLabel = "SPACE",
      description =
          "Feature spaces (default: title-words,body-words,title-chars,body-chars).")
  List<String> spaces =
      DEFAULTS.features().spaces().stream().map(FeatureSpace::wireName).toList();

  @Option(names = "--hash-bits", paramLabel = "B", description = "2^B hashed slots (default: 20).")
  int hashBits = DEFAULTS.features().hashBits();

  @Option(names = "--min-df", paramLabel = "N", description = "Drop features in fewer training articles (default: 2).")
  int minDf = DEFAULTS.features().minDf();

  @Option(names = "--word-ngrams", paramLabel = "N", description = "Word n-grams 1..N (default: 2).")
  int wordMaxGram = DEFAULTS.features().wordMaxGram();

  @Option(names = "--char-ngrams", paramLabel = "MIN-MAX", description = "Character n-gram range (default: 3-5).")
  String charRange =
      DEFAULTS.features().charMinGram() + "-" + DEFAULTS.features().charMaxGram();

  @Option(names = "--no-style", description = "Leave out the style features.")
  boolean noStyle;

  @Option(
      names = "--source-ratings",
      paramLabel = "CSV",
      description =
          "A published ratings list (domain,rating) for outlets unseen in training, e.g."
              + " ../shared/data/source_ratings/golden_truth_dataset.csv.")
  @Nullable Path sourceRatings;

  TrainingConfig toConfig() throws IOException {
    String[] range = charRange.split("-");
    if (range.length != 2) {
      throw new VeraCommand.UsageException("--char-ngrams takes MIN-MAX, e.g. 3-5; got " + charRange);
    }
    try {
      FeatureConfig features =
          new FeatureConfig(
              hashBits,
              spaces.stream().map(FeatureSpace::parse).toList(),
              wordMaxGram,
              Integer.parseInt(range[0].strip()),
              Integer.parseInt(range[1].strip()),
              minDf,
              !noStyle);
      Map<String, Integer> ratings =
          sourceRatings == null ? Map.of() : SourceReputation.readRatings(sourceRatings);
      return new TrainingConfig(name, features, cGrid, DEFAULTS.smoothingGrid(), seed, ratings);
    } catch (IllegalArgumentException e) {
      throw new VeraCommand.UsageException(e.getMessage());
    }
  }
}
