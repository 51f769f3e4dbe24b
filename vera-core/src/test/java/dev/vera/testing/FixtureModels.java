package dev.vera.testing;

import dev.vera.experiment.Splits;
import dev.vera.model.CredibilityModel;
import dev.vera.model.LinearTrainer;
import dev.vera.model.ProgressListener;
import dev.vera.model.TrainingConfig;
import dev.vera.model.TrainingSet;
import dev.vera.text.FeatureConfig;
import java.util.List;

/**
 * A small model trained on {@link FixtureCorpus}, trained once per test JVM and shared by the tests
 * that only need some trained model (training takes about a second).
 */
public final class FixtureModels {
  private static CredibilityModel model;

  private FixtureModels() {}

  /**
   * The default settings with a smaller hashed table (2^16 slots) and a three-value C grid, so
   * training is quick and the model file small; style features on, so that their evidence stays
   * tested although the default leaves them out.
   */
  public static TrainingConfig smallConfig() {
    TrainingConfig d = TrainingConfig.defaults();
    FeatureConfig f = d.features();
    return d.withName("fixture")
        .withFeatures(
            new FeatureConfig(
                16,
                f.spaces(),
                f.wordMaxGram(),
                f.charMinGram(),
                f.charMaxGram(),
                f.minDf(),
                true,
                f.spaceWeights()))
        .withCGrid(List.of(1.0, 4.0, 16.0));
  }

  /** The fixture corpus divided by its {@code split} field. */
  public static TrainingSet trainingSet() {
    return Splits.byField(FixtureCorpus.articles(), FixtureCorpus.SPLIT_FIELD, List.of());
  }

  /** A fresh training run with {@link #smallConfig()} on {@link #trainingSet()}. */
  public static CredibilityModel train() {
    return new LinearTrainer(smallConfig()).train(trainingSet(), ProgressListener.NONE);
  }

  /** The shared model (do not rely on its identity; it is only cached for speed). */
  public static synchronized CredibilityModel model() {
    if (model == null) {
      model = train();
    }
    return model;
  }
}
