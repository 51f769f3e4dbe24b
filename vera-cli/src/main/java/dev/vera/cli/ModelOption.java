package dev.vera.cli;

import dev.vera.model.CredibilityModel;
import dev.vera.model.io.ModelFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The {@code --model} option shared by every command that scores. */
public final class ModelOption {
  /** Where the bundled default model sits inside the jar. */
  public static final String DEFAULT_RESOURCE = "/dev/vera/models/vera-fast-gossipcop.vera";

  @Option(
      names = {"-m", "--model"},
      paramLabel = "MODEL",
      description =
          "Model file (default: $VERA_MODEL, else the bundled model trained on GossipCop).")
  @Nullable Path model;

  /** Loads the chosen model, naming the file in any error. */
  public CredibilityModel load() throws IOException {
    return load(model);
  }

  static CredibilityModel load(@Nullable Path path) throws IOException {
    if (path == null) {
      String env = System.getenv("VERA_MODEL");
      if (env != null && !env.isBlank()) {
        path = Path.of(env);
      }
    }
    if (path != null) {
      if (!Files.isRegularFile(path)) {
        throw new IOException("model file not found: " + path);
      }
      return ModelFile.read(path);
    }
    try (InputStream in = ModelOption.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IOException(
            "no bundled model in this build (expected "
                + DEFAULT_RESOURCE
                + "); pass --model FILE or rebuild with models/ present");
      }
      return ModelFile.read(in, "bundled model");
    }
  }
}
