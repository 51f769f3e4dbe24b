package dev.vera.cli;

import dev.vera.model.CredibilityModel;
import dev.vera.model.io.ModelFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The {@code --model} option shared by every command that scores. */
public final class ModelOption {
  /** Where the bundled default model sits inside the jar. */
  public static final String DEFAULT_RESOURCE = "/dev/vera/models/vera-fast.vera";

  /** The bundled models by the names {@code --model} takes. */
  static final Map<String, String> BUNDLED =
      Map.of(
          "fast", DEFAULT_RESOURCE,
          "fast-gossipcop", "/dev/vera/models/vera-fast-gossipcop.vera",
          "accurate", "/dev/vera/models/vera-accurate-gossipcop.vera");

  @Option(
      names = {"-m", "--model"},
      paramLabel = "MODEL",
      description =
          "Model file, or a bundled model by name: fast (the default: n-grams and similar known"
              + " stories, trained on celebrity, political and health news), fast-gossipcop (the"
              + " same recipe on GossipCop's celebrity news alone) or accurate (GossipCop alone,"
              + " also sentence embeddings; slower). Default: $VERA_MODEL, else fast.")
  @Nullable Path model;

  /** Where a model comes from: a file, or a resource inside the jar. */
  record Source(@Nullable Path file, @Nullable String resource) {
    String describe() {
      if (file != null) {
        return file.toString();
      }
      String name = resource.substring(resource.lastIndexOf('/') + 1);
      return "bundled model " + name;
    }
  }

  /** Loads the chosen model, naming the file in any error. */
  public CredibilityModel load() throws IOException {
    return load(model);
  }

  /** The model a {@code --model} value names ($VERA_MODEL, else the bundled fast one, when null). */
  static Source source(@Nullable Path path) {
    if (path == null) {
      String env = System.getenv("VERA_MODEL");
      if (env != null && !env.isBlank()) {
        path = Path.of(env);
      }
    }
    if (path == null) {
      return new Source(null, DEFAULT_RESOURCE);
    }
    // A bundled model's name, unless a file of that name is at hand.
    String name = path.toString();
    if (BUNDLED.containsKey(name) && !Files.exists(path)) {
      return new Source(null, BUNDLED.get(name));
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
    try (InputStream in = open(s)) {
      return ModelFile.read(in, s.describe());
    }
  }

  /** The bytes of a model. */
  static InputStream open(Source s) throws IOException {
    if (s.file() != null) {
      return Files.newInputStream(s.file());
    }
    InputStream in = ModelOption.class.getResourceAsStream(s.resource());
    if (in == null) {
      throw new IOException(
          "no bundled model in this build (expected "
              + s.resource()
              + "); pass --model FILE or rebuild with models/ present");
    }
    return in;
  }
}
