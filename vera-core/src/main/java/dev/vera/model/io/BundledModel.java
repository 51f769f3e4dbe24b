package dev.vera.model.io;

import dev.vera.claims.CheckWorthinessModel;
import dev.vera.embed.EncoderUnavailableException;
import dev.vera.embed.SentenceEncoder;
import dev.vera.model.CredibilityModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The models that ship with Vera, by the names users give them: the one registry that the CLI, the
 * server and the Java API read. Each is a class-path resource under {@code /dev/vera/models/}
 * (vera-core's jar holds the ones that need nothing more, vera-embeddings' the ones that read
 * sentence embeddings), or a file of a distribution's {@code models/} folder: the lean runnable jar
 * keeps only the default inside.
 */
public enum BundledModel {
  /**
   * The default: n-grams and similar known stories, trained on celebrity, political and health
   * news.
   */
  FAST("fast", "vera-fast.vera", Kind.CREDIBILITY, false),
  /** The fast recipe on GossipCop's celebrity news alone. */
  FAST_GOSSIPCOP("fast-gossipcop", "vera-fast-gossipcop.vera", Kind.CREDIBILITY, false),
  /** GossipCop alone, with sentence embeddings stacked on the n-grams: slower. */
  ACCURATE("accurate", "vera-accurate-gossipcop.vera", Kind.CREDIBILITY, true),
  /** Check-worthy sentences (ClaimBuster), n-grams and sentence embeddings. */
  CLAIMS("claims", "vera-claims-claimbuster.vera", Kind.CHECK_WORTHINESS, true);

  /** What a bundled model judges. */
  public enum Kind {
    /** Articles: fake or credible ({@link CredibilityModel}). */
    CREDIBILITY,
    /** Sentences: check-worthy or not ({@link CheckWorthinessModel}). */
    CHECK_WORTHINESS
  }

  /** The credibility model used when none is named. */
  public static final BundledModel DEFAULT = FAST;

  private final String modelName;
  private final String fileName;
  private final Kind kind;
  private final boolean readsEmbeddings;

  BundledModel(String modelName, String fileName, Kind kind, boolean readsEmbeddings) {
    this.modelName = modelName;
    this.fileName = fileName;
    this.kind = kind;
    this.readsEmbeddings = readsEmbeddings;
  }

  /** The name users give it, e.g. {@code fast}. */
  public String modelName() {
    return modelName;
  }

  /** The file name, e.g. {@code vera-fast.vera} (also in {@code models/} of the sources). */
  public String fileName() {
    return fileName;
  }

  public Kind kind() {
    return kind;
  }

  /** Whether it needs the sentence encoder of the {@code vera-embeddings} module. */
  public boolean readsEmbeddings() {
    return readsEmbeddings;
  }

  /** The class-path resource that holds it. */
  public String resource() {
    return "/dev/vera/models/" + fileName;
  }

  /** The bundled credibility model of that name, if any. */
  public static Optional<BundledModel> credibility(String name) {
    return Arrays.stream(values())
        .filter(m -> m.kind == Kind.CREDIBILITY && m.modelName.equals(name))
        .findFirst();
  }

  /** The names of the bundled credibility models, the default first. */
  public static List<String> credibilityNames() {
    return Arrays.stream(values())
        .filter(m -> m.kind == Kind.CREDIBILITY)
        .map(BundledModel::modelName)
        .toList();
  }

  /**
   * The model's bytes: the class-path resource, else {@link #fileName()} in {@code modelsDir}.
   *
   * @param modelsDir a distribution's {@code models/} folder, or null for the class path alone
   * @throws EncoderUnavailableException when it reads sentence embeddings and the {@code
   *     vera-embeddings} module is not on the class path
   * @throws IOException when it is in neither place
   */
  public InputStream open(@Nullable Path modelsDir) throws IOException {
    if (readsEmbeddings && !SentenceEncoder.available()) {
      throw new EncoderUnavailableException("the " + describe());
    }
    InputStream in = BundledModel.class.getResourceAsStream(resource());
    if (in != null) {
      return in;
    }
    Path file = modelsDir == null ? null : modelsDir.resolve(fileName);
    if (file != null && Files.isRegularFile(file)) {
      return Files.newInputStream(file);
    }
    throw new IOException(
        "the "
            + describe()
            + " is not in this build (no "
            + resource()
            + " on the class path"
            + (file == null ? "" : ", no " + file)
            + ")");
  }

  /** Reads this credibility model (see {@link #open(Path)}). */
  public CredibilityModel load(@Nullable Path modelsDir) throws IOException {
    requireKind(Kind.CREDIBILITY);
    try (InputStream in = open(modelsDir)) {
      return ModelFile.read(in, "bundled model " + fileName);
    }
  }

  /** Reads this check-worthiness model (see {@link #open(Path)}). */
  public CheckWorthinessModel loadCheckWorthiness(@Nullable Path modelsDir) throws IOException {
    requireKind(Kind.CHECK_WORTHINESS);
    try (InputStream in = open(modelsDir)) {
      return CheckWorthinessModel.read(in, "bundled check-worthiness model " + fileName);
    }
  }

  private void requireKind(Kind wanted) {
    if (kind != wanted) {
      throw new IllegalStateException(
          modelName + " is a " + kind.name().toLowerCase(Locale.ROOT) + " model");
    }
  }

  private String describe() {
    return kind == Kind.CHECK_WORTHINESS ? "check-worthy claims model" : modelName + " model";
  }
}
