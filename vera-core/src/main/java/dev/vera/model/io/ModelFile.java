package dev.vera.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.VeraVersion;
import dev.vera.embed.ArticleEmbedder;
import dev.vera.embed.EncoderUnavailableException;
import dev.vera.io.OutputFiles;
import dev.vera.model.CredibilityModel;
import dev.vera.model.EmbeddingHead;
import dev.vera.model.MetricSummary;
import dev.vera.model.ModelCard;
import dev.vera.model.ModelScope;
import dev.vera.model.NeighbourIndex;
import dev.vera.model.OutletRatings;
import dev.vera.model.PlattCalibrator;
import dev.vera.model.ScoreStack;
import dev.vera.model.SourceCombiner;
import dev.vera.model.SourceReputation;
import dev.vera.text.FeatureConfig;
import dev.vera.text.FeatureSpace;
import dev.vera.text.StyleFeatures;
import dev.vera.text.TextVectorizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes Vera model files (format {@value #CODEC}, documented in {@code
 * docs/model-format.md}). A file starts with a magic number, the format name and its version, then
 * a CRC-32 and the length of a deflated body holding a JSON header (model card and small
 * parameters) and the binary tables (kept feature slots, idf, weights, training content hashes). No
 * Java serialization: every field is named and typed here. A reader refuses, with a message,
 * anything outside the versions it knows.
 */
public final class ModelFile {
  /** The first eight bytes of every Vera model file. */
  public static final byte[] MAGIC = "VERAMODL".getBytes(StandardCharsets.US_ASCII);

  public static final String CODEC = "vera-linear";
  public static final int VERSION_MIN = 1;
  public static final int VERSION_CURRENT = 6;

  /**
   * The version written for a model whose neighbour index keeps its training articles' titles,
   * dates and URLs (at the end of the body, so that version 5 is version 6 without them).
   */
  static final int VERSION_STORIES = 6;

  /** The version written for a model with an embedding head and no scope. */
  static final int VERSION_EMBEDDING = 4;

  /** The version written for a model with neighbours and no embedding head. */
  static final int VERSION_NEIGHBOURS = 3;

  /**
   * The version written for a model without a neighbour index: the oldest that holds it, so that
   * such models keep their bytes and older readers still read them.
   */
  static final int VERSION_LINEAR = 2;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
    ByteArrayOutputStream bodyBytes = new ByteArrayOutputStream(1 << 20);
    try (DataOutputStream body = new DataOutputStream(bodyBytes)) {
      byte[] header = JSON.writeValueAsBytes(header(model));
      body.writeInt(header.length);
      body.write(header);
      TextVectorizer v = model.vectorizer();
      float[] idf = v.idf();
      float[] w = model.weights();
      int kept = v.keptSlots();
      body.writeInt(kept);
      int previous = 0;
      for (int i = 0; i < idf.length; i++) {
        if (idf[i] != 0) {
          // Deltas are small numbers that deflate well.
          body.writeInt(i - previous);
          previous = i;
        }
      }
      for (float f : idf) {
        if (f != 0) {
          body.writeFloat(f);
        }
      }
      for (int i = 0; i < idf.length; i++) {
        if (idf[i] != 0) {
          body.writeFloat(w[i]);
        }
      }
      int styles = w.length - idf.length;
      body.writeInt(styles);
      for (int i = 0; i < styles; i++) {
        body.writeFloat(w[idf.length + i]);
      }
      long[] hashes = model.trainingHashes();
      body.writeInt(hashes.length);
      for (long h : hashes) {
        body.writeLong(h);
      }
      if (model.neighbours() != null) {
        writeNeighbours(model.neighbours(), body);
      }
      if (model.embedding() != null) {
        for (float f : model.embedding().weights()) {
          body.writeFloat(f);
        }
      }
      if (formatVersion(model) >= VERSION_SCOPE) {
        ScopeCodec.writeTables(model.scope(), body);
      }
      if (formatVersion(model) >= VERSION_STORIES) {
        StoriesCodec.write(model.neighbours().stories(), body);
      }
    }
    byte[] raw = bodyBytes.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(raw);
    ByteArrayOutputStream deflated = new ByteArrayOutputStream(raw.length / 2);
    try (DeflaterOutputStream d = new DeflaterOutputStream(deflated)) {
      d.write(raw);
    }
    DataOutputStream head = new DataOutputStream(out);
    head.write(MAGIC);
    head.writeUTF(CODEC);
    head.writeInt(formatVersion(model));
    head.writeInt((int) crc.getValue());
    head.writeInt(raw.length);
    head.write(deflated.toByteArray());
    head.flush();
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
    DataInputStream head = new DataInputStream(in);
    byte[] magic = new byte[MAGIC.length];
    int got = head.readNBytes(magic, 0, magic.length);
    if (got < magic.length || !Arrays.equals(magic, MAGIC)) {
      throw new ModelFormatException(
          name + ": not a Vera model file (it does not start with 'VERAMODL')");
    }
    try {
      String codec = head.readUTF();
      int version = head.readInt();
      if (!CODEC.equals(codec)) {
        throw new ModelFormatException(
            name + ": model format '" + codec + "' is not one this Vera reads ('" + CODEC + "')");
      }
      if (version < VERSION_MIN || version > VERSION_CURRENT) {
        throw new ModelFormatException(
            name
                + ": model format version "
                + version
                + " is not supported; this Vera ("
                + VeraVersion.get()
                + ") reads "
                + CODEC
                + " versions "
                + VERSION_MIN
                + " to "
                + VERSION_CURRENT
                + ". Use the Vera release that wrote it, or retrain with this one.");
      }
      int expectedCrc = head.readInt();
      int rawLength = head.readInt();
      if (rawLength < 0 || rawLength > (1 << 30)) {
        throw new ModelFormatException(
            name + ": damaged model file (body length " + rawLength + ")");
      }
      Inflater inflater = new Inflater();
      byte[] raw;
      boolean ended;
      try {
        InflaterInputStream inflating = new InflaterInputStream(head, inflater);
        raw = inflate(inflating, inflater, rawLength, name);
        // Reading on to the end of the deflate stream makes the inflater check its trailer, so a
        // file cut within its last few bytes is refused too, not only one cut inside the body.
        ended = inflating.read() < 0;
      } finally {
        inflater.end();
      }
      CRC32 crc = new CRC32();
      crc.update(raw);
      if (raw.length != rawLength || !ended || (int) crc.getValue() != expectedCrc) {
        throw new ModelFormatException(
            name + ": damaged model file (checksum mismatch; was it truncated or edited?)");
      }
      return readBodyNamed(raw, name, version);
    } catch (EOFException | ZipException e) {
      throw new ModelFormatException(name + ": damaged model file (ends too early)", e);
    }
  }

  /** The first version with a scope: corpora, base-rate curves, applicability. */
  static final int VERSION_SCOPE = 5;

  /**
   * Deflate packs at most about 1,030 bytes into one; a real model packs 2 to 3. A body that
   * inflates more than this many times its compressed size is a bomb, refused before it fills the
   * heap.
   */
  static final int MAX_INFLATION_RATIO = 64;

  /**
   * Inflates at most {@code declared} bytes, growing the buffer only as bytes arrive (never
   * trusting the declared size for an allocation), and refuses inflation far beyond the compressed
   * bytes read.
   */
  private static byte[] inflate(InputStream inflating, Inflater inflater, int declared, String name)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(declared, 1 << 20));
    byte[] buffer = new byte[1 << 16];
    while (out.size() < declared) {
      int n = inflating.read(buffer, 0, Math.min(buffer.length, declared - out.size()));
      if (n < 0) {
        break;
      }
      out.write(buffer, 0, n);
      if (out.size() > (1 << 20) && out.size() / MAX_INFLATION_RATIO > inflater.getBytesRead()) {
        throw new ModelFormatException(
            name
                + ": damaged model file (its body inflates over "
                + MAX_INFLATION_RATIO
                + " times its compressed size, toward the "
                + declared
                + " bytes it claims)");
      }
    }
    return out.toByteArray();
  }

  /**
   * Parses the inflated body; every failure, whatever it is, becomes a {@link ModelFormatException}
   * naming the file (a crafted body must not surface as an array or JSON exception).
   */
  private static CredibilityModel readBodyNamed(byte[] raw, String name, int version)
      throws ModelFormatException {
    try {
      return readBody(new DataInputStream(new ByteArrayInputStream(raw)), name, version);
    } catch (ModelFormatException e) {
      String m = String.valueOf(e.getMessage());
      throw m.startsWith(name + ":") ? e : new ModelFormatException(name + ": " + m, e);
    } catch (EncoderUnavailableException e) {
      // A sound file that needs a module this class path lacks: not damage.
      throw e;
    } catch (EOFException e) {
      throw new ModelFormatException(name + ": damaged model file (its body ends too early)", e);
    } catch (IOException | RuntimeException e) {
      throw new ModelFormatException(name + ": damaged model file (" + e + ")", e);
    }
  }

  /**
   * Reads a count of items of at least {@code bytesEach} bytes each, refused when negative or when
   * the bytes that remain cannot hold that many: no allocation follows an unchecked count.
   */
  private static int count(DataInputStream body, int bytesEach, String what, String name)
      throws IOException {
    int n = body.readInt();
    if (n < 0 || (long) n * bytesEach > body.available()) {
      throw new ModelFormatException(
          name
              + ": damaged model file ("
              + what
              + ": "
              + n
              + ", more than the "
              + body.available()
              + " bytes left hold)");
    }
    return n;
  }

  /** The format version this model is written in. */
  public static int formatVersion(CredibilityModel model) {
    if (model.neighbours() != null && model.neighbours().stories() != null) {
      return VERSION_STORIES;
    }
    return model.scope().textCurve() != null ? VERSION_SCOPE : versionOf(model.card());
  }

  /**
   * The format version a model with this card is written in: the oldest that holds it, so that a
   * model keeps its bytes when nothing it uses changed, and older readers read what they can.
   */
  public static int versionOf(ModelCard card) {
    if (card.parameters().embeddings() != null) {
      return VERSION_EMBEDDING;
    }
    return card.parameters().neighbours() == null ? VERSION_LINEAR : VERSION_NEIGHBOURS;
  }

  private static CredibilityModel readBody(DataInputStream body, String name, int version)
      throws IOException {
    byte[] headerBytes = new byte[count(body, 1, "header length", name)];
    body.readFully(headerBytes);
    JsonNode h = JSON.readTree(headerBytes);
    FeatureConfig features = featureConfig(h.path("features"), name);
    int size = features.hashSize();
    // A kept slot takes a delta, an idf and a weight: 12 bytes.
    int kept = count(body, 12, "kept feature slots", name);
    int[] slots = new int[kept];
    int previous = 0;
    for (int i = 0; i < kept; i++) {
      previous += body.readInt();
      if (previous < 0 || previous >= size) {
        throw new ModelFormatException(name + ": damaged model file (feature slot out of range)");
      }
      slots[i] = previous;
    }
    float[] idf = new float[size];
    for (int i = 0; i < kept; i++) {
      idf[slots[i]] = body.readFloat();
    }
    float[] weights = new float[features.dimension()];
    for (int i = 0; i < kept; i++) {
      weights[slots[i]] = body.readFloat();
    }
    int styles = count(body, 4, "style weights", name);
    if (styles != features.dimension() - size) {
      throw new ModelFormatException(
          name
              + ": damaged model file ("
              + styles
              + " style weights, expected "
              + (features.dimension() - size)
              + ")");
    }
    for (int i = 0; i < styles; i++) {
      weights[size + i] = body.readFloat();
    }
    long[] hashes = new long[count(body, 8, "training hashes", name)];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = body.readLong();
    }
    JsonNode style = h.path("style");
    TextVectorizer vectorizer =
        new TextVectorizer(
            features,
            idf,
            doubles(style.path("mean"), styles),
            doubles(style.path("scale"), styles));
    JsonNode cal = h.path("calibrator");
    PlattCalibrator calibrator =
        new PlattCalibrator(cal.path("a").asDouble(), cal.path("b").asDouble());
    JsonNode comb = h.path("source_combiner");
    SourceCombiner combiner =
        new SourceCombiner(
            comb.path("text_weight").asDouble(),
            comb.path("source_weight").asDouble(),
            comb.path("known_weight").asDouble(),
            comb.path("intercept").asDouble());
    NeighbourIndex neighbours = null;
    ScoreStack stack = null;
    JsonNode near = h.path("neighbours");
    if (version >= 3 && near.isObject()) {
      neighbours = readNeighbours(near, body, name);
    }
    EmbeddingHead embedding = null;
    JsonNode emb = h.path("embedding");
    if (version >= 4 && emb.isObject()) {
      float[] w = new float[ArticleEmbedder.DIMENSION];
      for (int i = 0; i < w.length; i++) {
        w[i] = body.readFloat();
      }
      try {
        embedding =
            new EmbeddingHead(
                emb.path("encoder").asText(),
                emb.path("body_windows").asInt(),
                w,
                emb.path("bias").asDouble(),
                emb.path("c").asDouble());
      } catch (IllegalArgumentException e) {
        throw new ModelFormatException(
            name + ": damaged model file (embedding: " + e.getMessage() + ")", e);
      }
    }
    JsonNode st = h.path("score_stack");
    if (version >= VERSION_SCOPE) {
      // From version 5 a neighbour index may serve applicability alone: the stack is named.
      if (st.isObject()) {
        stack =
            new ScoreStack(
                st.path("lexical_weight").asDouble(),
                st.path("embedding_weight").asDouble(),
                doubles(st.path("neighbour_weights"), st.path("neighbour_weights").size()),
                st.path("intercept").asDouble());
      }
    } else if (version >= 4 && st.isObject()) {
      stack =
          new ScoreStack(
              st.path("lexical_weight").asDouble(),
              st.path("embedding_weight").asDouble(),
              doubles(
                  st.path("neighbour_weights"),
                  neighbours == null ? 0 : ScoreStack.NEIGHBOUR_FEATURES),
              st.path("intercept").asDouble());
    } else if (neighbours != null) {
      // Version 3 wrote the stack of the linear score and the neighbours under this name.
      JsonNode nc = h.path("neighbour_combiner");
      stack =
          new ScoreStack(
              nc.path("lexical_weight").asDouble(),
              0,
              doubles(nc.path("weights"), ScoreStack.NEIGHBOUR_FEATURES),
              nc.path("intercept").asDouble());
    }
    ModelScope scope = null;
    if (version >= VERSION_SCOPE) {
      scope = ScopeCodec.read(h.path("scope"), body, name);
    }
    if (version >= VERSION_STORIES && neighbours != null && near.path("stories").asBoolean()) {
      neighbours = neighbours.withStories(StoriesCodec.read(body, neighbours.size(), name));
    }
    if (body.read() >= 0) {
      throw new ModelFormatException(name + ": damaged model file (unexpected bytes at the end)");
    }
    try {
      return model(
          h,
          vectorizer,
          weights,
          calibrator,
          combiner,
          hashes,
          features,
          neighbours,
          stack,
          embedding,
          scope);
    } catch (IllegalArgumentException e) {
      // Parts that do not fit together, or an embedding from another encoder.
      throw new ModelFormatException(name + ": " + e.getMessage(), e);
    }
  }

  private static CredibilityModel model(
      JsonNode h,
      TextVectorizer vectorizer,
      float[] weights,
      PlattCalibrator calibrator,
      SourceCombiner combiner,
      long[] hashes,
      FeatureConfig features,
      @Nullable NeighbourIndex neighbours,
      @Nullable ScoreStack stack,
      @Nullable EmbeddingHead embedding,
      @Nullable ModelScope scope)
      throws ModelFormatException {
    return new CredibilityModel(
        vectorizer,
        weights,
        h.path("intercept").asDouble(),
        calibrator,
        reputation(h.path("source_reputation")),
        combiner,
        hashes,
        card(h.path("card"), features),
        neighbours,
        stack,
        embedding,
        scope);
  }

  // ---- the neighbour index (version 3) ----

  private static void writeNeighbours(NeighbourIndex index, DataOutputStream body)
      throws IOException {
    boolean[] fake = index.labels();
    String[] ids = index.ids();
    int[] publisherOf = index.publisherOf();
    body.writeInt(fake.length);
    for (int i = 0; i < fake.length; i++) {
      body.writeByte(fake[i] ? 1 : 0);
      body.writeInt(publisherOf[i]);
      if (ids[i] == null) {
        body.writeInt(-1);
      } else {
        byte[] id = ids[i].getBytes(StandardCharsets.UTF_8);
        body.writeInt(id.length);
        body.write(id);
      }
    }
    float[] idf = index.idf();
    int kept = 0;
    for (float f : idf) {
      kept += f != 0 ? 1 : 0;
    }
    body.writeInt(kept);
    int previous = 0;
    for (int s = 0; s < idf.length; s++) {
      if (idf[s] != 0) {
        body.writeInt(s - previous);
        previous = s;
        body.writeFloat(idf[s]);
      }
    }
    int[] start = index.postingStarts();
    int[] docs = index.postingDocs();
    float[] weights = index.postingWeights();
    int used = 0;
    for (int s = 0; s + 1 < start.length; s++) {
      used += start[s + 1] > start[s] ? 1 : 0;
    }
    body.writeInt(used);
    previous = 0;
    for (int s = 0; s + 1 < start.length; s++) {
      if (start[s + 1] == start[s]) {
        continue;
      }
      body.writeInt(s - previous);
      previous = s;
      body.writeInt(start[s + 1] - start[s]);
      int prevDoc = 0;
      for (int p = start[s]; p < start[s + 1]; p++) {
        writeVarInt(body, docs[p] - prevDoc);
        prevDoc = docs[p];
      }
      for (int p = start[s]; p < start[s + 1]; p++) {
        body.writeShort(NeighbourIndex.quantize(weights[p]));
      }
    }
    // Version 5: each training article's corpus, when the index knows the corpora.
    if (!index.corpora().isEmpty()) {
      body.write(index.corpusOf());
    }
  }

  /** A non-negative int in 7-bit groups, low first: small gaps take one byte. */
  static void writeVarInt(DataOutputStream out, int v) throws IOException {
    while ((v & ~0x7f) != 0) {
      out.writeByte((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.writeByte(v);
  }

  static int readVarInt(DataInputStream in, String name) throws IOException {
    int v = 0;
    for (int shift = 0; shift < 32; shift += 7) {
      int b = in.readUnsignedByte();
      v |= (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new ModelFormatException(name + ": damaged model file (a number runs over 5 bytes)");
  }

  private static NeighbourIndex readNeighbours(JsonNode near, DataInputStream body, String name)
      throws IOException {
    NeighbourIndex.Settings settings;
    try {
      settings = new NeighbourIndex.Settings(near.path("k").asInt(), near.path("terms").asInt());
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(
          name + ": damaged model file (neighbours: " + e.getMessage() + ")", e);
    }
    if (near.path("hash_bits").asInt() != NeighbourIndex.HASH_BITS) {
      throw new ModelFormatException(
          name
              + ": damaged model file (neighbour hash bits "
              + near.path("hash_bits").asInt()
              + ")");
    }
    List<String> publishers = new ArrayList<>();
    for (JsonNode p : near.path("publishers")) {
      publishers.add(p.asText());
    }
    // An article takes a label byte, a publisher and an id length: 9 bytes at least.
    int n = count(body, 9, "neighbour articles", name);
    if (n <= 0 || n > (1 << 26)) {
      throw new ModelFormatException(name + ": damaged model file (" + n + " neighbour articles)");
    }
    boolean[] fake = new boolean[n];
    String[] ids = new String[n];
    int[] publisherOf = new int[n];
    for (int i = 0; i < n; i++) {
      fake[i] = body.readByte() == 1;
      publisherOf[i] = body.readInt();
      if (publisherOf[i] < -1 || publisherOf[i] >= publishers.size()) {
        throw new ModelFormatException(
            name + ": damaged model file (neighbour publisher out of range)");
      }
      int len = body.readInt();
      if (len >= 0) {
        if (len > (1 << 20) || len > body.available()) {
          throw new ModelFormatException(
              name + ": damaged model file (neighbour id of " + len + " bytes)");
        }
        byte[] id = new byte[len];
        body.readFully(id);
        ids[i] = new String(id, StandardCharsets.UTF_8);
      }
    }
    int slots = 1 << NeighbourIndex.HASH_BITS;
    float[] idf = new float[slots];
    int kept = count(body, 8, "neighbour slots", name);
    int slot = 0;
    for (int i = 0; i < kept; i++) {
      slot += body.readInt();
      if (slot < 0 || slot >= slots) {
        throw new ModelFormatException(name + ": damaged model file (neighbour slot out of range)");
      }
      idf[slot] = body.readFloat();
    }
    // A used slot takes a delta, a count and one posting (a byte and a short) at least.
    int used = count(body, 11, "neighbour posting lists", name);
    int[] start = new int[slots + 1];
    List<int[]> docLists = new ArrayList<>(used);
    List<float[]> weightLists = new ArrayList<>(used);
    int[] usedSlots = new int[used];
    slot = 0;
    int total = 0;
    for (int u = 0; u < used; u++) {
      slot += body.readInt();
      int count = count(body, 3, "neighbour postings", name);
      if (slot < 0
          || slot >= slots
          || count <= 0
          || count > n
          || (u > 0 && slot <= usedSlots[u - 1])) {
        throw new ModelFormatException(name + ": damaged model file (neighbour postings)");
      }
      usedSlots[u] = slot;
      int[] d = new int[count];
      float[] w = new float[count];
      int doc = 0;
      for (int p = 0; p < count; p++) {
        doc += readVarInt(body, name);
        if (doc < 0 || doc >= n || (p > 0 && doc == d[p - 1])) {
          throw new ModelFormatException(
              name + ": damaged model file (neighbour article out of range)");
        }
        d[p] = doc;
      }
      for (int p = 0; p < count; p++) {
        w[p] = NeighbourIndex.dequantize(body.readShort());
      }
      docLists.add(d);
      weightLists.add(w);
      total += count;
    }
    int[] docs = new int[total];
    float[] weights = new float[total];
    int at = 0;
    int u = 0;
    for (int s = 0; s < slots; s++) {
      start[s] = at;
      if (u < used && usedSlots[u] == s) {
        System.arraycopy(docLists.get(u), 0, docs, at, docLists.get(u).length);
        System.arraycopy(weightLists.get(u), 0, weights, at, weightLists.get(u).length);
        at += docLists.get(u).length;
        u++;
      }
    }
    start[slots] = at;
    List<String> corpora = new ArrayList<>();
    for (JsonNode c : near.path("corpora")) {
      corpora.add(c.asText());
    }
    byte[] corpusOf = new byte[0];
    if (!corpora.isEmpty()) {
      if (n > body.available()) {
        throw new ModelFormatException(name + ": damaged model file (neighbour corpora)");
      }
      corpusOf = new byte[n];
      body.readFully(corpusOf);
    }
    try {
      return new NeighbourIndex(
          settings,
          idf,
          start,
          docs,
          weights,
          fake,
          ids,
          publishers,
          publisherOf,
          corpora,
          corpusOf);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(
          name + ": damaged model file (neighbours: " + e.getMessage() + ")", e);
    }
  }

  // ---- header: JSON ----

  private static ObjectNode header(CredibilityModel model) {
    ObjectNode h = JSON.createObjectNode();
    h.put("format", CODEC);
    h.put("version", formatVersion(model));
    h.set("card", cardJson(model.card()));
    h.set("features", featuresJson(model.vectorizer().config()));
    h.put("intercept", model.intercept());
    ObjectNode style = h.putObject("style");
    ArrayNode names = style.putArray("names");
    if (model.vectorizer().config().style()) {
      StyleFeatures.NAMES.forEach(names::add);
    }
    ArrayNode mean = style.putArray("mean");
    ArrayNode scale = style.putArray("scale");
    if (model.vectorizer().config().style()) {
      for (double d : model.vectorizer().styleMean()) {
        mean.add(d);
      }
      for (double d : model.vectorizer().styleScale()) {
        scale.add(d);
      }
    }
    ObjectNode cal = h.putObject("calibrator");
    cal.put("method", "platt");
    cal.put("a", model.calibrator().a());
    cal.put("b", model.calibrator().b());
    SourceCombiner c = model.combiner();
    ObjectNode comb = h.putObject("source_combiner");
    comb.put("text_weight", c.textWeight());
    comb.put("source_weight", c.sourceWeight());
    comb.put("known_weight", c.knownWeight());
    comb.put("intercept", c.intercept());
    SourceReputation r = model.reputation();
    ObjectNode rep = h.putObject("source_reputation");
    rep.put("prior", r.prior());
    rep.put("smoothing", r.smoothing());
    ObjectNode counts = rep.putObject("counts");
    new TreeMap<>(r.counts()).forEach((d, fr) -> counts.putArray(d).add(fr[0]).add(fr[1]));
    ArrayNode lists = rep.putArray("rating_lists");
    for (OutletRatings.RatingList l : r.ratings().lists()) {
      ObjectNode ln = lists.addObject();
      ln.put("name", l.name());
      ln.put("kind", l.kind().wireName());
      ObjectNode values = ln.putObject("values");
      new TreeMap<>(l.values()).forEach(values::put);
    }
    double[] rw = r.ratingWeights();
    if (rw == null) {
      rep.putNull("rating_weights");
    } else {
      ArrayNode wn = rep.putArray("rating_weights");
      for (double d : rw) {
        wn.add(d);
      }
    }
    NeighbourIndex index = model.neighbours();
    ScoreStack stack = model.stack();
    if (index != null) {
      ObjectNode near = h.putObject("neighbours");
      near.put("k", index.settings().k());
      near.put("terms", index.settings().terms());
      near.put("hash_bits", NeighbourIndex.HASH_BITS);
      near.put("articles", index.size());
      ArrayNode pubs = near.putArray("publishers");
      index.publishers().forEach(pubs::add);
      if (!index.corpora().isEmpty()) {
        ArrayNode corpora = near.putArray("corpora");
        index.corpora().forEach(corpora::add);
      }
      if (index.stories() != null) {
        near.put("stories", true);
      }
    }
    EmbeddingHead emb = model.embedding();
    if (emb != null) {
      h.putObject("embedding")
          .put("encoder", emb.encoderId())
          .put("body_windows", emb.bodyWindows())
          .put("bias", emb.bias())
          .put("c", emb.c());
    }
    if (formatVersion(model) >= VERSION_SCOPE) {
      h.set("scope", ScopeCodec.json(model.scope()));
    }
    if (stack != null && formatVersion(model) == VERSION_NEIGHBOURS) {
      ObjectNode nc = h.putObject("neighbour_combiner");
      nc.put("lexical_weight", stack.lexicalWeight());
      ArrayNode w = nc.putArray("weights");
      for (double d : stack.neighbourWeights()) {
        w.add(d);
      }
      nc.put("intercept", stack.intercept());
    } else if (stack != null) {
      ObjectNode st = h.putObject("score_stack");
      st.put("lexical_weight", stack.lexicalWeight());
      st.put("embedding_weight", stack.embeddingWeight());
      ArrayNode w = st.putArray("neighbour_weights");
      for (double d : stack.neighbourWeights()) {
        w.add(d);
      }
      st.put("intercept", stack.intercept());
    }
    return h;
  }

  private static ObjectNode featuresJson(FeatureConfig f) {
    ObjectNode n = JSON.createObjectNode();
    n.put("hash_bits", f.hashBits());
    ArrayNode spaces = n.putArray("spaces");
    f.spaces().forEach(s -> spaces.add(s.wireName()));
    n.put("word_max_gram", f.wordMaxGram());
    n.put("char_min_gram", f.charMinGram());
    n.put("char_max_gram", f.charMaxGram());
    n.put("min_df", f.minDf());
    n.put("style", f.style());
    if (!f.spaceWeights().isEmpty()) {
      ObjectNode w = n.putObject("space_weights");
      f.spaceWeights().forEach((space, weight) -> w.put(space.wireName(), weight));
    }
    return n;
  }

  private static FeatureConfig featureConfig(JsonNode n, String name) throws ModelFormatException {
    try {
      List<FeatureSpace> spaces = new ArrayList<>();
      for (JsonNode s : n.path("spaces")) {
        spaces.add(FeatureSpace.parse(s.asText()));
      }
      // Version 1 files have no space weights: every space weighs 1.
      Map<FeatureSpace, Double> weights = new EnumMap<>(FeatureSpace.class);
      for (Map.Entry<String, JsonNode> w : n.path("space_weights").properties()) {
        weights.put(FeatureSpace.parse(w.getKey()), w.getValue().asDouble());
      }
      return new FeatureConfig(
          n.path("hash_bits").asInt(),
          spaces,
          n.path("word_max_gram").asInt(),
          n.path("char_min_gram").asInt(),
          n.path("char_max_gram").asInt(),
          n.path("min_df").asInt(),
          n.path("style").asBoolean(),
          weights);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(
          name + ": damaged model file (features: " + e.getMessage() + ")", e);
    }
  }

  /**
   * The model card as JSON, as stored in the file and printed by {@code vera model info --json}.
   */
  public static ObjectNode cardJson(ModelCard card) {
    ObjectNode n = JSON.createObjectNode();
    n.put("model_id", card.modelId());
    n.put("name", card.name());
    n.put("created_at", card.createdAt().toString());
    n.put("vera_version", card.veraVersion());
    n.put("java_version", card.javaVersion());
    ObjectNode d = n.putObject("training_data");
    ArrayNode files = d.putArray("files");
    for (ModelCard.DataFile f : card.data().files()) {
      files.addObject().put("path", f.path()).put("sha256", f.sha256()).put("bytes", f.bytes());
    }
    d.put("split_field", card.data().splitField());
    d.put("training_set_sha256", card.data().trainingSetSha256());
    d.put("train_articles", card.data().trainArticles());
    d.put("train_fake", card.data().trainFake());
    d.put("valid_articles", card.data().validArticles());
    // Written only when used, so that models without corrections keep their exact bytes.
    if (card.data().corrections() > 0) {
      d.putObject("corrections")
          .put("count", card.data().corrections())
          .put("weight", card.data().correctionWeight())
          .put("held_out_removed", card.data().correctionsHeldOutRemoved());
    }
    if (card.data().heldOutDuplicatesRemoved() > 0) {
      d.putObject("duplicates").put("held_out_removed", card.data().heldOutDuplicatesRemoved());
    }
    ModelCard.Parameters p = card.parameters();
    ObjectNode pn = n.putObject("parameters");
    pn.set("features", featuresJson(p.features()));
    pn.put("solver", p.solver());
    pn.put("c", p.c());
    ArrayNode search = pn.putArray("c_search");
    for (ModelCard.CandidateScore s : p.cSearch()) {
      search
          .addObject()
          .put("c", s.c())
          .put("valid_macro_f1", s.validMacroF1())
          .put("valid_roc_auc", s.validRocAuc());
    }
    pn.put("calibration", p.calibration());
    pn.put("threshold", p.threshold());
    pn.put("source_threshold", p.sourceThreshold());
    pn.put("source_smoothing", p.sourceSmoothing());
    pn.put("seed", p.seed());
    if (p.neighbours() != null) {
      pn.putObject("neighbours").put("k", p.neighbours().k()).put("terms", p.neighbours().terms());
    }
    if (p.embeddings() != null) {
      pn.put("embeddings", p.embeddings());
    }
    ArrayNode valid = n.putArray("validation");
    card.validation().forEach(m -> valid.add(metricsJson(m)));
    if (card.test() != null) {
      n.set("test", metricsJson(card.test()));
    } else {
      n.putNull("test");
    }
    // Written only when there are corpora, so that older models keep their exact bytes.
    if (!card.corpora().isEmpty()) {
      ArrayNode corpora = n.putArray("corpora");
      for (ModelCard.CorpusCard c : card.corpora()) {
        ObjectNode cn = corpora.addObject();
        cn.put("name", c.name());
        cn.put("train_articles", c.trainArticles());
        cn.put("train_fake", c.trainFake());
        cn.put("weight", c.weight());
        cn.put("licence", c.licence());
        if (c.test() != null) {
          cn.set("test", metricsJson(c.test()));
        }
        if (c.heldOut() != null) {
          ModelCard.HeldOut h = c.heldOut();
          ObjectNode hn = cn.putObject("held_out");
          hn.put("n", h.n());
          putNumber(hn, "roc_auc", h.rocAuc());
          putNumber(hn, "macro_f1", h.macroF1());
          putNumber(hn, "macro_f1_at_true_rate", h.macroF1AtTrueRate());
          putNumber(hn, "ece", h.ece());
          putNumber(hn, "applicability_auroc", h.applicabilityAuroc());
        }
      }
    }
    return n;
  }

  private static ObjectNode metricsJson(MetricSummary m) {
    ObjectNode n = JSON.createObjectNode();
    n.put("part", m.part());
    n.put("n", m.n());
    n.put("accuracy", m.accuracy());
    n.put("macro_f1", m.macroF1());
    putNumber(n, "roc_auc", m.rocAuc());
    putNumber(n, "pr_auc", m.prAuc());
    n.put("ece", m.ece());
    n.put("brier", m.brier());
    n.put("threshold", m.threshold());
    return n;
  }

  private static void putNumber(ObjectNode n, String key, double v) {
    if (Double.isNaN(v)) {
      n.putNull(key);
    } else {
      n.put(key, v);
    }
  }

  private static ModelCard card(JsonNode n, FeatureConfig features) {
    JsonNode d = n.path("training_data");
    List<ModelCard.DataFile> files = new ArrayList<>();
    for (JsonNode f : d.path("files")) {
      files.add(
          new ModelCard.DataFile(
              f.path("path").asText(), f.path("sha256").asText(), f.path("bytes").asLong()));
    }
    JsonNode p = n.path("parameters");
    List<ModelCard.CandidateScore> search = new ArrayList<>();
    for (JsonNode s : p.path("c_search")) {
      search.add(
          new ModelCard.CandidateScore(
              s.path("c").asDouble(),
              s.path("valid_macro_f1").asDouble(),
              s.path("valid_roc_auc").asDouble()));
    }
    List<MetricSummary> validation = new ArrayList<>();
    for (JsonNode m : n.path("validation")) {
      validation.add(metrics(m));
    }
    JsonNode test = n.path("test");
    return new ModelCard(
        n.path("model_id").asText(),
        n.path("name").asText(),
        Instant.parse(n.path("created_at").asText()),
        n.path("vera_version").asText(),
        n.path("java_version").asText(),
        new ModelCard.TrainingData(
            files,
            textOrNull(d.path("split_field")),
            d.path("training_set_sha256").asText(),
            d.path("train_articles").asInt(),
            d.path("train_fake").asInt(),
            d.path("valid_articles").asInt(),
            d.path("corrections").path("count").asInt(0),
            d.path("corrections").path("weight").asInt(1),
            d.path("corrections").path("held_out_removed").asInt(0),
            d.path("duplicates").path("held_out_removed").asInt(0)),
        new ModelCard.Parameters(
            features,
            p.path("solver").asText(),
            p.path("c").asDouble(),
            search,
            p.path("calibration").asText(),
            p.path("threshold").asDouble(),
            p.path("source_threshold").asDouble(),
            p.path("source_smoothing").asDouble(),
            p.path("seed").asLong(),
            p.path("neighbours").isObject()
                ? new NeighbourIndex.Settings(
                    p.path("neighbours").path("k").asInt(),
                    p.path("neighbours").path("terms").asInt())
                : null,
            textOrNull(p.path("embeddings"))),
        validation,
        test.isObject() ? metrics(test) : null,
        corpora(n.path("corpora")));
  }

  private static List<ModelCard.CorpusCard> corpora(JsonNode array) {
    List<ModelCard.CorpusCard> out = new ArrayList<>();
    for (JsonNode c : array) {
      JsonNode h = c.path("held_out");
      out.add(
          new ModelCard.CorpusCard(
              c.path("name").asText(),
              c.path("train_articles").asInt(),
              c.path("train_fake").asInt(),
              c.path("weight").asDouble(),
              textOrNull(c.path("licence")),
              c.path("test").isObject() ? metrics(c.path("test")) : null,
              h.isObject()
                  ? new ModelCard.HeldOut(
                      h.path("n").asInt(),
                      number(h.path("roc_auc")),
                      number(h.path("macro_f1")),
                      number(h.path("macro_f1_at_true_rate")),
                      number(h.path("ece")),
                      number(h.path("applicability_auroc")))
                  : null));
    }
    return out;
  }

  private static double number(JsonNode n) {
    return n.isNumber() ? n.asDouble() : Double.NaN;
  }

  private static MetricSummary metrics(JsonNode m) {
    return new MetricSummary(
        m.path("part").asText(),
        m.path("n").asInt(),
        m.path("accuracy").asDouble(),
        m.path("macro_f1").asDouble(),
        m.path("roc_auc").isNumber() ? m.path("roc_auc").asDouble() : Double.NaN,
        m.path("pr_auc").isNumber() ? m.path("pr_auc").asDouble() : Double.NaN,
        m.path("ece").asDouble(),
        m.path("brier").asDouble(),
        m.path("threshold").asDouble());
  }

  private static SourceReputation reputation(JsonNode n) throws ModelFormatException {
    Map<String, int[]> counts = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.path("counts").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      counts.put(
          e.getKey(), new int[] {e.getValue().path(0).asInt(), e.getValue().path(1).asInt()});
    }
    double prior = n.path("prior").asDouble();
    double smoothing = n.path("smoothing").asDouble();
    if (!n.has("rating_lists")) {
      return legacyReputation(n, prior, smoothing, counts);
    }
    List<OutletRatings.RatingList> lists = new ArrayList<>();
    for (JsonNode l : n.path("rating_lists")) {
      Map<String, Double> values = new HashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = l.path("values").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        values.put(e.getKey(), e.getValue().asDouble());
      }
      try {
        lists.add(
            new OutletRatings.RatingList(
                l.path("name").asText(),
                OutletRatings.Kind.parse(l.path("kind").asText()),
                values));
      } catch (IllegalArgumentException e) {
        throw new ModelFormatException(
            "damaged model file (rating list kind '" + l.path("kind").asText() + "')", e);
      }
    }
    JsonNode w = n.path("rating_weights");
    double[] weights = null;
    if (w.isArray()) {
      weights = new double[w.size()];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = w.get(i).asDouble();
      }
    }
    return new SourceReputation(prior, smoothing, counts, new OutletRatings(lists), weights);
  }

  /**
   * A reputation written before several ratings lists (format versions 1 to 4): one list of
   * classes, {@code ratings}, and a fake rate per class, {@code rating_fake_rates}. The rates
   * become the rating model's weights (one indicator per class, no intercept), so that the evidence
   * is what it was.
   */
  private static SourceReputation legacyReputation(
      JsonNode n, double prior, double smoothing, Map<String, int[]> counts) {
    Map<String, Double> values = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.path("ratings").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      values.put(e.getKey(), (double) e.getValue().asInt());
    }
    if (values.isEmpty()) {
      return new SourceReputation(prior, smoothing, counts, OutletRatings.NONE, null);
    }
    OutletRatings ratings =
        new OutletRatings(
            List.of(new OutletRatings.RatingList("ratings", OutletRatings.Kind.CLASSES, values)));
    List<Double> classes = new ArrayList<>(new TreeSet<>(values.values()));
    double[] weights = new double[classes.size() + 1];
    for (int i = 0; i < classes.size(); i++) {
      JsonNode rate = n.path("rating_fake_rates").path(Integer.toString(classes.get(i).intValue()));
      double p = rate.isNumber() ? rate.asDouble() : prior;
      p = Math.min(1 - 1e-9, Math.max(1e-9, p));
      weights[i] = Math.log(p / (1 - p));
    }
    return new SourceReputation(prior, smoothing, counts, ratings, weights);
  }

  private static double[] doubles(JsonNode array, int expected) throws ModelFormatException {
    if (array.size() != expected) {
      throw new ModelFormatException(
          "damaged model file (" + array.size() + " style statistics, expected " + expected + ")");
    }
    double[] out = new double[expected];
    for (int i = 0; i < expected; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  private static @Nullable String textOrNull(JsonNode n) {
    return n.isNull() || n.isMissingNode() ? null : n.asText();
  }
}
