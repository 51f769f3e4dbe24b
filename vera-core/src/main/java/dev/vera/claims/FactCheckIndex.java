package dev.vera.claims;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.embed.EncoderUnavailableException;
import dev.vera.embed.SentenceEncoder;
import dev.vera.io.Sha256;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;

/**
 * A Lucene index of published fact-checks, searched by BM25 over their claims with English analysis
 * (standard tokenizer, possessives, lower case, stop words, Porter stemming), and by the cosine of
 * their sentence embeddings ({@link SentenceEncoder}), kept beside it in {@value #VECTORS}: a
 * paraphrase that shares few words with the fact-check's wording is still found. The two are mixed
 * as {@code (1 - w) · BM25 / best BM25 + w · cosine} over the union of both top {@value
 * #CANDIDATES}. The directory also holds {@value #MANIFEST}: what went in and the {@link
 * MatchSettings} (the weights, and the similarity threshold under which a hit is not shown): {@link
 * MatchSettings#defaults} when built, until {@code vera index tune} chooses them on the validation
 * part of a gold set. Searching is thread-safe.
 */
public final class FactCheckIndex implements Closeable {
  public static final String MANIFEST = "vera-factchecks.json";
  public static final String FORMAT = "vera-factchecks";
  public static final int FORMAT_VERSION = 2;

  /** The oldest index format read: version 1 has no embeddings (it ranks by BM25 alone). */
  public static final int FORMAT_VERSION_MIN = 1;

  /** The claims' embeddings, one vector per document in document order. */
  public static final String VECTORS = "claim-vectors.bin";

  /** Candidates taken from each of BM25 and the embeddings before mixing them. */
  static final int CANDIDATES = 100;

  /**
   * PolitiFact words many claims "Says …" (house style, see the data's SOURCE.md) and news
   * sentences report speech with "said": reporting verbs, not the content a match should share.
   * They are stop words here, with English's.
   */
  static final CharArraySet STOP_WORDS;

  static {
    CharArraySet s = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
    s.add("says");
    s.add("said");
    STOP_WORDS = CharArraySet.unmodifiableSet(s);
  }

  /** Longest query, in distinct terms: beyond it a "sentence" is a paragraph. */
  static final int MAX_QUERY_TERMS = 256;

  /** Headline weights {@code vera index tune} tries on the validation part; 0 is BM25 on claims. */
  public static final List<Double> TITLE_WEIGHTS = List.of(0.0, 0.25, 0.5, 1.0);

  /** Embedding weights {@code vera index tune} tries on the validation part; 0 is BM25 alone. */
  public static final List<Double> EMBEDDING_WEIGHTS = List.of(0.0, 0.25, 0.5, 0.75, 0.9, 1.0);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final Analyzer analyzer;
  private final ObjectNode manifest;

  /** The claims' embeddings by position ({@code vec} field), or null when the index has none. */
  private final float @Nullable [][] vectors;

  private FactCheckIndex(Directory directory, ObjectNode manifest, float @Nullable [][] vectors)
      throws IOException {
    this.directory = directory;
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
    this.searcher.setSimilarity(new BM25Similarity());
    this.analyzer = analyzer();
    this.manifest = manifest;
    this.vectors = vectors;
  }

  static Analyzer analyzer() {
    return new EnglishAnalyzer(STOP_WORDS);
  }

  /** A built index: how many records went in from which files. */
  public record BuildSummary(int records, List<String> files) {}

  /** Writes a new index of {@code records} into {@code dir}, without embeddings. */
  public static BuildSummary build(Path dir, Iterable<FactCheck> records, List<ObjectNode> sources)
      throws IOException {
    return build(dir, records, sources, null, done -> {});
  }

  /**
   * Writes a new index of {@code records} into {@code dir} (replacing any index there), with the
   * claims' embeddings when an encoder is given (about 7 ms of one core per claim, on all cores).
   *
   * @param progress receives the number of claims embedded so far
   */
  public static BuildSummary build(
      Path dir,
      Iterable<FactCheck> records,
      List<ObjectNode> sources,
      @Nullable SentenceEncoder encoder,
      LongConsumer progress)
      throws IOException {
    Files.createDirectories(dir);
    Files.deleteIfExists(dir.resolve(VECTORS));
    List<String> claims = new ArrayList<>();
    int n = 0;
    try (Directory d = FSDirectory.open(dir);
        IndexWriter w =
            new IndexWriter(
                d,
                new IndexWriterConfig(analyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setSimilarity(new BM25Similarity()))) {
      for (FactCheck f : records) {
        Document doc = document(f);
        doc.add(new StoredField("vec", n));
        doc.add(new IntPoint("vec_point", n));
        w.addDocument(doc);
        claims.add(f.claim());
        n++;
      }
      w.forceMerge(1);
      w.commit();
    }
    ObjectNode m = JSON.createObjectNode();
    m.put("format", FORMAT);
    m.put("version", FORMAT_VERSION);
    m.put("records", n);
    m.put("ranking", "BM25 (k1=1.2, b=0.75), English analysis");
    var arr = m.putArray("sources");
    sources.forEach(arr::add);
    putSettings(m, MatchSettings.defaults(encoder != null), MatchSettings.DEFAULT_CHOSEN_ON);
    if (encoder != null) {
      writeVectors(dir.resolve(VECTORS), embed(encoder, claims, progress));
      m.putObject("embedding")
          .put("encoder", encoder.id())
          .put("vectors", claims.size())
          .put("file", VECTORS)
          .put("sha256", Sha256.hex(dir.resolve(VECTORS)));
    }
    writeManifest(dir, m);
    List<String> files = new ArrayList<>();
    sources.forEach(s -> files.add(s.path("path").asText()));
    return new BuildSummary(n, files);
  }

  /** The embedding of a text's first window: a claim or a sentence fits one. */
  static float[] embed(SentenceEncoder encoder, String text) {
    long[] ids = encoder.tokenIds(text);
    if (ids.length == 0) {
      return new float[SentenceEncoder.DIMENSION];
    }
    return encoder
        .embedWindows(List.of(Arrays.copyOf(ids, Math.min(ids.length, SentenceEncoder.WINDOW))))[0];
  }

  private static float[][] embed(
      SentenceEncoder encoder, List<String> texts, LongConsumer progress) {
    float[][] out = new float[texts.size()][];
    AtomicLong done = new AtomicLong();
    IntStream.range(0, out.length)
        .parallel()
        .forEach(
            i -> {
              out[i] = embed(encoder, texts.get(i));
              long d = done.incrementAndGet();
              if (d % 256 == 0 || d == out.length) {
                synchronized (progress) {
                  progress.accept(d);
                }
              }
            });
    return out;
  }

  private static void writeVectors(Path file, float[][] vectors) throws IOException {
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      out.writeInt(vectors.length);
      out.writeInt(SentenceEncoder.DIMENSION);
      for (float[] v : vectors) {
        for (float f : v) {
          out.writeFloat(f);
        }
      }
    }
  }

  private static float[][] readVectors(Path file, int expected) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      int n = in.readInt();
      int d = in.readInt();
      if (n != expected || d != SentenceEncoder.DIMENSION) {
        throw new IOException(
            file
                + ": holds "
                + n
                + " vectors of "
                + d
                + " numbers, the manifest says "
                + expected
                + " of "
                + SentenceEncoder.DIMENSION
                + "; rebuild the index with 'vera index build'");
      }
      float[][] out = new float[n][d];
      for (float[] v : out) {
        for (int k = 0; k < d; k++) {
          v[k] = in.readFloat();
        }
      }
      return out;
    } catch (EOFException e) {
      throw new IOException(file + ": cut short; rebuild the index with 'vera index build'", e);
    }
  }

  private static Document document(FactCheck f) {
    Document doc = new Document();
    doc.add(new StringField("id", f.id(), Field.Store.YES));
    doc.add(new TextField("claim", f.claim(), Field.Store.YES));
    doc.add(new StoredField("verdict", f.verdict()));
    doc.add(new StoredField("publisher", f.publisher()));
    if (f.url() != null) {
      doc.add(new StoredField("url", f.url()));
    }
    if (f.date() != null) {
      doc.add(new StoredField("date", f.date()));
    }
    if (f.speaker() != null) {
      doc.add(new StoredField("speaker", f.speaker()));
    }
    if (f.title() != null) {
      doc.add(new TextField("title", f.title(), Field.Store.YES));
    }
    return doc;
  }

  /** Opens an index made by {@link #build}, refusing other directories and other versions. */
  public static FactCheckIndex open(Path dir) throws IOException {
    Path m = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(m)) {
      throw new IOException(
          dir
              + ": not a Vera fact-check index (no "
              + MANIFEST
              + "); build one with 'vera index build'");
    }
    ObjectNode manifest;
    try {
      manifest = (ObjectNode) JSON.readTree(m.toFile());
    } catch (IOException | ClassCastException e) {
      throw new IOException(m + ": unreadable manifest: " + e.getMessage(), e);
    }
    int version = manifest.path("version").asInt(-1);
    if (!FORMAT.equals(manifest.path("format").asText())
        || version < FORMAT_VERSION_MIN
        || version > FORMAT_VERSION) {
      throw new IOException(
          m
              + ": index format "
              + manifest.path("format").asText("?")
              + " v"
              + manifest.path("version").asText("?")
              + " is not supported (this Vera reads "
              + FORMAT
              + " v"
              + FORMAT_VERSION_MIN
              + " to v"
              + FORMAT_VERSION
              + "); rebuild it with 'vera index build'");
    }
    float[][] vectors = null;
    var emb = manifest.path("embedding");
    if (emb.isObject()) {
      if (!SentenceEncoder.available()) {
        throw new EncoderUnavailableException(
            "the fact-check index " + dir + " (built with sentence embeddings)");
      }
      String bundled = SentenceEncoder.bundled().id();
      if (!bundled.equals(emb.path("encoder").asText())) {
        throw new IOException(
            m
                + ": the index's embeddings come from encoder "
                + emb.path("encoder").asText()
                + ", but this Vera bundles "
                + bundled
                + "; rebuild it with 'vera index build'");
      }
      vectors =
          readVectors(dir.resolve(emb.path("file").asText(VECTORS)), emb.path("vectors").asInt(-1));
    }
    return new FactCheckIndex(FSDirectory.open(dir), manifest, vectors);
  }

  /** Records the ranking weights and the similarity threshold in the index's manifest. */
  public static void writeSettings(Path dir, MatchSettings settings, String chosenOn)
      throws IOException {
    ObjectNode m = (ObjectNode) JSON.readTree(dir.resolve(MANIFEST).toFile());
    putSettings(m, settings, chosenOn);
    writeManifest(dir, m);
  }

  private static void putSettings(ObjectNode m, MatchSettings settings, String chosenOn) {
    m.put("min_score", settings.minScore());
    m.put("title_weight", settings.titleWeight());
    m.put("embedding_weight", settings.embeddingWeight());
    m.put("min_score_chosen_on", chosenOn);
  }

  private static void writeManifest(Path dir, ObjectNode m) throws IOException {
    Path tmp = dir.resolve(MANIFEST + ".tmp");
    JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), m);
    Files.move(
        tmp,
        dir.resolve(MANIFEST),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * The similarity threshold recorded in the index, or null in an index built before defaults were
   * recorded and never tuned.
   */
  public @Nullable Double minScore() {
    var v = manifest.get("min_score");
    return v == null || v.isNull() ? null : v.asDouble();
  }

  /** The recorded weights and threshold, or null when the index has no threshold. */
  public @Nullable MatchSettings settings() {
    Double min = minScore();
    return min == null ? null : new MatchSettings(titleWeight(), embeddingWeight(), min);
  }

  /** What chose the recorded settings: the defaults, or the gold set that tuned them. */
  public String settingsChosenOn() {
    return manifest.path("min_score_chosen_on").asText("nothing");
  }

  /** The weight of headline matches in {@link #search(String, int)}: 0 ranks by claim alone. */
  public double titleWeight() {
    return manifest.path("title_weight").asDouble(0);
  }

  /**
   * The weight of the embeddings' cosine in {@link #search(String, int)}: 0 ranks by BM25 alone.
   */
  public double embeddingWeight() {
    return vectors == null ? 0 : manifest.path("embedding_weight").asDouble(0);
  }

  /** Whether the index holds the claims' embeddings. */
  public boolean hasEmbeddings() {
    return vectors != null;
  }

  public int size() {
    return reader.numDocs();
  }

  /**
   * A fact-check and its similarity to the query: BM25 when the ranking reads no embeddings, else
   * the mix of the two (see the class comment).
   *
   * @param position the fact-check's place in the index (its vector's), -1 in a version 1 index
   */
  public record Hit(FactCheck factCheck, double score, int position) {}

  /**
   * The {@code k} fact-checks most similar to {@code text}, best first; none for an empty query.
   */
  public List<Hit> search(String text, int k) {
    return search(text, k, titleWeight(), embeddingWeight());
  }

  /** The {@code k} fact-checks most similar to {@code text} as {@code settings} rank them. */
  public List<Hit> search(String text, int k, MatchSettings settings) {
    return search(text, k, settings.titleWeight(), settings.embeddingWeight());
  }

  /**
   * The {@code k} fact-checks most similar to {@code text}: BM25 on the claim plus {@code
   * titleWeight} times BM25 on the headline, mixed with the embeddings' cosine at {@code
   * embeddingWeight} (ignored when the index has no embeddings).
   */
  public List<Hit> search(String text, int k, double titleWeight, double embeddingWeight) {
    if (vectors == null || embeddingWeight <= 0) {
      return bm25(text, k, titleWeight);
    }
    float[] q = embed(SentenceEncoder.bundled(), text);
    List<Hit> lexical = bm25(text, CANDIDATES, titleWeight);
    double best = lexical.isEmpty() ? 1 : lexical.get(0).score();
    Map<Integer, Double> bm25 = new HashMap<>();
    for (Hit h : lexical) {
      bm25.put(h.position(), h.score() / best);
    }
    double[] cos = new double[vectors.length];
    for (int i = 0; i < vectors.length; i++) {
      float[] v = vectors[i];
      double d = 0;
      for (int j = 0; j < q.length; j++) {
        d += q[j] * v[j];
      }
      cos[i] = d;
    }
    Set<Integer> candidates = new LinkedHashSet<>(bm25.keySet());
    candidates.addAll(topPositions(cos, CANDIDATES));
    List<double[]> scored = new ArrayList<>();
    for (int p : candidates) {
      double mixed = (1 - embeddingWeight) * bm25.getOrDefault(p, 0.0) + embeddingWeight * cos[p];
      scored.add(new double[] {p, mixed});
    }
    // Best first; ties by position so that the order is the same on every run.
    scored.sort((a, b) -> a[1] != b[1] ? Double.compare(b[1], a[1]) : Double.compare(a[0], b[0]));
    Map<Integer, Hit> byPosition = new HashMap<>();
    lexical.forEach(h -> byPosition.put(h.position(), h));
    List<Hit> hits = new ArrayList<>();
    for (double[] sc : scored.subList(0, Math.min(k, scored.size()))) {
      int p = (int) sc[0];
      Hit h = byPosition.containsKey(p) ? byPosition.get(p) : byVector(p);
      hits.add(new Hit(h.factCheck(), sc[1], p));
    }
    return hits;
  }

  /** The positions of the {@code k} largest values, largest first (ties: lower position first). */
  private static List<Integer> topPositions(double[] values, int k) {
    PriorityQueue<Integer> worst =
        new PriorityQueue<>(
            (a, b) ->
                values[a] != values[b]
                    ? Double.compare(values[a], values[b])
                    : Integer.compare(b, a));
    for (int i = 0; i < values.length; i++) {
      worst.add(i);
      if (worst.size() > k) {
        worst.poll();
      }
    }
    List<Integer> out = new ArrayList<>(worst);
    out.sort(
        (a, b) ->
            values[a] != values[b] ? Double.compare(values[b], values[a]) : Integer.compare(a, b));
    return out;
  }

  /** The fact-check stored with vector position {@code p}. */
  private Hit byVector(int p) {
    try {
      ScoreDoc[] docs = searcher.search(IntPoint.newExactQuery("vec_point", p), 1).scoreDocs;
      if (docs.length == 0) {
        throw new IllegalStateException("no fact-check at vector position " + p);
      }
      return hit(searcher.storedFields().document(docs[0].doc), 0, p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Hit hit(Document d, double score, int position) {
    return new Hit(
        new FactCheck(
            d.get("id"),
            d.get("claim"),
            d.get("verdict"),
            d.get("publisher"),
            d.get("url"),
            d.get("date"),
            d.get("speaker"),
            d.get("title")),
        score,
        position);
  }

  /** BM25 on the claim plus {@code titleWeight} times BM25 on the headline. */
  private List<Hit> bm25(String text, int k, double titleWeight) {
    Set<String> terms = terms(text);
    if (terms.isEmpty()) {
      return List.of();
    }
    BooleanQuery.Builder claim = new BooleanQuery.Builder();
    for (String t : terms) {
      claim.add(new TermQuery(new Term("claim", t)), BooleanClause.Occur.SHOULD);
    }
    Query q = claim.build();
    if (titleWeight > 0) {
      BooleanQuery.Builder title = new BooleanQuery.Builder();
      for (String t : terms) {
        title.add(new TermQuery(new Term("title", t)), BooleanClause.Occur.SHOULD);
      }
      q =
          new BooleanQuery.Builder()
              .add(q, BooleanClause.Occur.SHOULD)
              .add(new BoostQuery(title.build(), (float) titleWeight), BooleanClause.Occur.SHOULD)
              .build();
    }
    try {
      ScoreDoc[] docs = searcher.search(q, k).scoreDocs;
      List<Hit> hits = new ArrayList<>(docs.length);
      var stored = searcher.storedFields();
      for (ScoreDoc sd : docs) {
        Document d = stored.document(sd.doc);
        IndexableField vec = d.getField("vec");
        hits.add(hit(d, sd.score, vec == null ? -1 : vec.numericValue().intValue()));
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Set<String> terms(String text) {
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream ts = analyzer.tokenStream("claim", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken() && terms.size() < MAX_QUERY_TERMS) {
        terms.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
    analyzer.close();
  }
}
