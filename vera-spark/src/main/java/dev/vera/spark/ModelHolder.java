package dev.vera.spark;

import dev.vera.model.CredibilityModel;
import dev.vera.model.io.ModelFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkFiles;
import org.jspecify.annotations.Nullable;

/**
 * One loaded model per JVM (driver or executor) and model name: the first task that needs it reads
 * the file, every later task and partition in that JVM reuses it. {@link CredibilityModel#predict}
 * is thread-safe, so the executor's task threads share one instance.
 */
public final class ModelHolder {

  private static final ConcurrentHashMap<String, CredibilityModel> MODELS =
      new ConcurrentHashMap<>();

  private ModelHolder() {}

  /** The model named {@code spec}, loaded on first use in this JVM. */
  public static CredibilityModel get(String spec) {
    return MODELS.computeIfAbsent(spec, ModelHolder::load);
  }

  /** How many models this JVM has loaded (for tests). */
  static int loadedCount() {
    return MODELS.size();
  }

  private static CredibilityModel load(String spec) {
    Path p = resolve(spec);
    if (p == null) {
      throw new IllegalStateException(
          "model file '"
              + spec
              + "' not found here (looked at "
              + String.join(", ", candidates(spec).stream().map(Path::toString).toList())
              + "); on a cluster ship it with spark-submit --files");
    }
    try {
      return ModelFile.read(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model " + p + ": " + e.getMessage(), e);
    }
  }

  /**
   * Where the model file is in this JVM: the path as given, else the copy shipped with {@code
   * --files} (SparkFiles' directory, then the working directory, where YARN puts it).
   */
  static @Nullable Path resolve(String spec) {
    for (Path c : candidates(spec)) {
      if (Files.isRegularFile(c)) {
        return c;
      }
    }
    return null;
  }

  private static List<Path> candidates(String spec) {
    List<Path> out = new ArrayList<>();
    String s = spec.startsWith("file:") ? spec.substring("file:".length()) : spec;
    out.add(Path.of(s));
    Path fileName = Path.of(s).getFileName();
    if (fileName != null) {
      String name = fileName.toString();
      try {
        out.add(Path.of(SparkFiles.get(name)));
      } catch (RuntimeException e) {
        // no SparkContext/SparkEnv in this JVM: only the other candidates apply
      }
      out.add(Path.of(name).toAbsolutePath());
    }
    return out;
  }
}
