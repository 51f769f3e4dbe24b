package dev.vera.cli;

import dev.vera.model.CredibilityModel;
import dev.vera.model.io.BundledModel;
import dev.vera.model.io.ModelFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The {@code --model} option shared by every command that scores. */
public final class ModelOption {
  @Option(
      names = {"-m", "--model"},
      paramLabel = "MODEL",
      description =
          "Model file, or a bundled model by name: fast (the default: n-grams and similar known"
              + " stories, trained on celebrity, political and health news), fast-gossipcop (the"
              + " same recipe on GossipCop's celebrity news alone) or accurate (GossipCop alone,"
              + " also sentence embeddings; slower). Default: $VERA_MODEL, else fast.")
  @Nullable Path model;

  /** Where a model comes from: a file, or a model bundled with Vera. */
  record Source(@Nullable Path file, @Nullable BundledModel bundled) {
    String describe() {
      return file != null ? file.toString() : "bundled model " + bundled.fileName();
    }
  }

  /** Loads the chosen model, naming the file in any error. */
  public CredibilityModel load() throws IOException {
    return load(model);
  }

  /**
   * The model a {@code --model} value names ($VERA_MODEL, else the bundled fast one, when null).
   */
  static Source source(@Nullable Path path) {
    if (path == null) {
      String env = System.getenv("VERA_MODEL");
      if (env != null && !env.isBlank()) {
        path = Path.of(env);
      }
    }
    if (path == null) {
      return new Source(null, BundledModel.DEFAULT);
    }
    // A bundled model's name, unless a file of that name is at hand.
    Optional<BundledModel> bundled = BundledModel.credibility(path.toString());
    if (bundled.isPresent() && !Files.exists(path)) {
      return new Source(null, bundled.get());
    }
    return new Source(path, null);
  }

  static CredibilityModel load(@Nullable Path path) throws IOException {
    Source s = source(path);
    if (s.file() != null) {
      if (!Files.isRegularFile(s.file())) {
        throw new IOException("model file not found: " + s.file());
      }
      return ModelFile.read(s.file());
    }
    return s.bundled().load(modelsDir());
  }

  /**
   * The {@code models/} folder of the distribution or source tree this CLI runs from, where the
   * bundled models that the lean jar leaves out are found: {@code $VERA_HOME/models} (set by the
   * launchers), else the one beside the jar ({@code lib/../models} in the distribution, {@code
   * vera-cli/target/../../models} in the sources, for {@code java -jar}); null when none.
   */
  static @Nullable Path modelsDir() {
    String home = System.getenv("VERA_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home, "models");
    }
    try {
      Path jar =
          Path.of(ModelOption.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // lib/vera.jar: the distribution is one up; vera-cli/target/vera.jar: the sources two up.
      Path dir = jar.getParent();
      for (int up = 0; up < 2 && dir != null; up++) {
        dir = dir.getParent();
        if (dir != null && Files.isDirectory(dir.resolve("models"))) {
          return dir.resolve("models");
        }
      }
    } catch (URISyntaxException | RuntimeException e) {
      // No location to start from (an unusual class loader): the class path alone, then.
    }
    return null;
  }

  /** The bytes of a model. */
  static InputStream open(Source s) throws IOException {
    if (s.file() != null) {
      return Files.newInputStream(s.file());
    }
    return s.bundled().open(modelsDir());
  }
}
