package dev.vera.model.io;

import static dev.vera.model.io.TableBytes.count;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.embed.ArticleEmbedder;
import dev.vera.embed.EncoderUnavailableException;
import dev.vera.io.OutputFiles;
import dev.vera.model.CredibilityModel;
import dev.vera.model.EmbeddingHead;
import dev.vera.model.ModelCard;
import dev.vera.model.ModelScope;
import dev.vera.model.NeighbourIndex;
import dev.vera.model.ScoreStack;
import dev.vera.text.FeatureConfig;
import dev.vera.text.TextVectorizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes Vera model files (format {@value #FORMAT}, documented in {@code
 * docs/model-format.md}). A file is a {@link ModelFrame} (magic, format, version, CRC, deflate)
 * around a body: the JSON {@link ModelHeader} (model card and small parameters), then the tables in
 * a fixed order, each read and written by its codec: {@link LinearTablesCodec}, {@link
 * NeighbourIndexCodec}, the embedding head's weights, {@link ScopeCodec}, {@link StoriesCodec}. The
 * header says which optional tables follow. No Java serialization.
 *
 * <p>It writes {@value #FORMAT} version {@value #VERSION} and reads that and every version of
 * {@value #LEGACY_FORMAT}, the name of the format while it held a linear model alone.
 */
public final class ModelFile {
  /** The first eight bytes of every Vera model file. */
  public static final byte[] MAGIC = ModelFrame.MAGIC.clone();

  /** The format written: a credibility model, whatever parts its score stacks. */
  public static final String FORMAT = "vera-credibility";

  /** The version of {@link #FORMAT} written. */
  public static final int VERSION = 7;

  /** The format's name in versions 1 to 6, all still read. */
  public static final String LEGACY_FORMAT = "vera-linear";

  /** The newest version of {@link #LEGACY_FORMAT}. */
  static final int LEGACY_VERSION_MAX = 6;

  private static final List<ModelFrame.Known> READS =
      List.of(
          new ModelFrame.Known(FORMAT, VERSION, VERSION),
          new ModelFrame.Known(LEGACY_FORMAT, 1, LEGACY_VERSION_MAX));

  private ModelFile() {}

  /** Writes the model atomically: a reader never sees a half-written file. */
  public static void write(CredibilityModel model, Path path) throws IOException {
    Path dir = path.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path tmp = Files.createTempFile(dir, ".vera-model", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        write(model, out);
      } catch (IOException e) {
        throw OutputFiles.cannotWrite(path, e);
      }
      // Temporary files are private (0600); a model is meant to be shared like any output file.
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: its default permissions apply.
      }
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Writes the model to a stream (not closed). */
  public static void write(CredibilityModel model, OutputStream out) throws IOException {
    new ModelFrame(FORMAT, VERSION, body(model)).write(out);
  }

  /** Reads a model file, naming the file in any error. */
  public static CredibilityModel read(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return read(in, path.toString());
    }
  }

  /**
   * Reads a model from a stream.
   *
   * @param name how to name the source in errors
   * @throws ModelFormatException when it is not a Vera model, is damaged, or has an unknown version
   */
  public static CredibilityModel read(InputStream in, String name) throws IOException {
    ModelFrame frame = ModelFrame.read(in, name, READS);
    try {
      return readBody(frame, name);
    } catch (ModelFormatException | EncoderUnavailableException e) {
      // Already names the file; or a sound file that needs a module this class path lacks.
      throw e;
    } catch (EOFException e) {
      throw ModelFormatException.damaged(name, "its body ends too early", e);
    } catch (IOException | RuntimeException e) {
      // A crafted body must not surface as an array or JSON exception.
      throw ModelFormatException.damaged(name, e.toString(), e);
    }
  }

  /**
   * The model card as JSON, as stored in the file and printed by {@code vera model info --json}.
   */
  public static ObjectNode cardJson(ModelCard card) {
    return ModelHeader.JSON.valueToTree(CardDocument.of(card));
  }

  // ---- writing ----

  private static byte[] body(CredibilityModel model) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    try (DataOutputStream body = new DataOutputStream(bytes)) {
      byte[] header = ModelHeader.JSON.writeValueAsBytes(header(model));
      body.writeInt(header.length);
      body.write(header);
      LinearTablesCodec.write(model.vectorizer(), model.weights(), model.trainingHashes(), body);
      NeighbourIndex neighbours = model.neighbours();
      if (neighbours != null) {
        NeighbourIndexCodec.write(neighbours, body);
      }
      EmbeddingHead embedding = model.embedding();
      if (embedding != null) {
        for (float f : embedding.weights()) {
          body.writeFloat(f);
        }
      }
      if (keepsScope(model)) {
        ScopeCodec.writeTables(model.scope(), body);
      }
      if (neighbours != null && neighbours.stories() != null) {
        StoriesCodec.write(neighbours.stories(), body);
      }
    }
    return bytes.toByteArray();
  }

  /**
   * Whether the file holds the model's scope: a scope without curves is the one every model of one
   * corpus has ({@link ModelScope#legacy}), rebuilt from the card on reading.
   */
  private static boolean keepsScope(CredibilityModel model) {
    return model.scope().textCurve() != null;
  }

  private static ModelHeader header(CredibilityModel model) {
    NeighbourIndex neighbours = model.neighbours();
    EmbeddingHead embedding = model.embedding();
    ScoreStack stack = model.stack();
    return new ModelHeader(
        FORMAT,
        VERSION,
        CardDocument.of(model.card()),
        ModelHeader.Features.of(model.vectorizer().config()),
        model.intercept(),
        ModelHeader.Style.of(model.vectorizer()),
        ModelHeader.Calibrator.of(model.calibrator()),
        ModelHeader.Combiner.of(model.combiner()),
        ModelHeader.Reputation.of(model.reputation()),
        neighbours == null ? null : NeighbourIndexCodec.header(neighbours),
        embedding == null ? null : ModelHeader.Embedding.of(embedding),
        keepsScope(model) ? ScopeCodec.header(model.scope()) : null,
        stack == null ? null : ModelHeader.Stack.of(stack),
        null);
  }

  // ---- reading ----

  private static CredibilityModel readBody(ModelFrame frame, String name) throws IOException {
    DataInputStream body = new DataInputStream(new ByteArrayInputStream(frame.body()));
    byte[] headerBytes = new byte[count(body, 1, "header length", name)];
    body.readFully(headerBytes);
    ModelHeader h = ModelHeader.JSON.readValue(headerBytes, ModelHeader.class);
    FeatureConfig features = features(h, name);
    LinearTablesCodec.Tables tables = LinearTablesCodec.read(features, body, name);
    TextVectorizer vectorizer =
        new TextVectorizer(
            features,
            tables.idf(),
            styleStatistics(h.style() == null ? null : h.style().mean(), tables.styles(), name),
            styleStatistics(h.style() == null ? null : h.style().scale(), tables.styles(), name));
    NeighbourIndex neighbours =
        h.neighbours() == null ? null : NeighbourIndexCodec.read(h.neighbours(), body, name);
    EmbeddingHead embedding = h.embedding() == null ? null : embedding(h.embedding(), body, name);
    ScoreStack stack = stack(h, frame, neighbours, name);
    ModelScope scope = scope(h, frame, body, name);
    if (neighbours != null && h.neighbours().stories()) {
      neighbours = neighbours.withStories(StoriesCodec.read(body, neighbours.size(), name));
    }
    if (body.read() >= 0) {
      throw ModelFormatException.damaged(name, "unexpected bytes at the end");
    }
    try {
      return new CredibilityModel(
          vectorizer,
          tables.weights(),
          h.intercept(),
          h.calibrator().toCalibrator(),
          h.sourceReputation().toReputation(),
          h.sourceCombiner().toCombiner(),
          tables.trainingHashes(),
          h.card().toCard(features),
          neighbours,
          stack,
          embedding,
          scope);
    } catch (IllegalArgumentException e) {
      // Parts that do not fit together, or an embedding from another encoder.
      throw new ModelFormatException(name + ": " + e.getMessage(), e);
    }
  }

  private static FeatureConfig features(ModelHeader h, String name) throws ModelFormatException {
    if (h.features() == null || h.card() == null) {
      throw ModelFormatException.damaged(name, "no features or card in header");
    }
    try {
      return h.features().toConfig();
    } catch (IllegalArgumentException e) {
      throw ModelFormatException.damaged(name, "features: " + e.getMessage(), e);
    }
  }

  private static double[] styleStatistics(double @Nullable [] values, int expected, String name)
      throws ModelFormatException {
    int n = values == null ? 0 : values.length;
    if (n != expected) {
      throw ModelFormatException.damaged(name, n + " style statistics, expected " + expected);
    }
    return values == null ? new double[0] : values;
  }

  private static EmbeddingHead embedding(ModelHeader.Embedding e, DataInputStream body, String name)
      throws IOException {
    float[] w = new float[ArticleEmbedder.DIMENSION];
    for (int i = 0; i < w.length; i++) {
      w[i] = body.readFloat();
    }
    try {
      return new EmbeddingHead(e.encoder(), e.bodyWindows(), w, e.bias(), e.c());
    } catch (IllegalArgumentException ex) {
      throw ModelFormatException.damaged(name, "embedding: " + ex.getMessage(), ex);
    }
  }

  /**
   * How the text score stacks its parts. Version 3 called it {@code neighbour_combiner}; version 4
   * wrote an empty list of neighbour weights for a model without neighbours; from version 5 the
   * stack names what it reads, and a neighbour index may serve applicability alone.
   */
  private static @Nullable ScoreStack stack(
      ModelHeader h, ModelFrame frame, @Nullable NeighbourIndex neighbours, String name)
      throws ModelFormatException {
    boolean legacy = frame.format().equals(LEGACY_FORMAT);
    if (h.scoreStack() != null) {
      ScoreStack stack = h.scoreStack().toStack();
      int expected = neighbours == null ? 0 : ScoreStack.NEIGHBOUR_FEATURES;
      if (legacy && frame.version() == 4 && stack.neighbourWeights().length != expected) {
        throw ModelFormatException.damaged(
            name,
            "score stack with "
                + stack.neighbourWeights().length
                + " neighbour weights, expected "
                + expected);
      }
      return stack;
    }
    if (legacy && frame.version() == 3 && neighbours != null) {
      if (h.neighbourCombiner() == null) {
        throw ModelFormatException.damaged(name, "neighbours without a combiner");
      }
      return h.neighbourCombiner().toStack();
    }
    return null;
  }

  private static @Nullable ModelScope scope(
      ModelHeader h, ModelFrame frame, DataInputStream body, String name) throws IOException {
    boolean legacyWithScope =
        frame.format().equals(LEGACY_FORMAT) && frame.version() >= ScopeCodec.FIRST_LEGACY_VERSION;
    if (h.scope() == null && legacyWithScope) {
      throw ModelFormatException.damaged(
          name, "no scope in a version " + frame.version() + " header");
    }
    return h.scope() == null ? null : ScopeCodec.read(h.scope(), body, name);
  }
}
