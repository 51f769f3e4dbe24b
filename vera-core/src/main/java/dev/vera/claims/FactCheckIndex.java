package dev.vera.claims;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;

/**
 * A Lucene index of published fact-checks, searched by BM25 over their claims with English
 * analysis (standard tokenizer, possessives, lower case, stop words, Porter stemming). The
 * directory also holds {@value #MANIFEST}: what went in, and the similarity threshold under which
 * a hit is not shown (chosen by {@code vera index eval} on the validation part of a gold set).
 * Searching is thread-safe.
 */
public final class FactCheckIndex implements Closeable {
  public static final String MANIFEST = "vera-factchecks.json";
  public static final String FORMAT = "vera-factchecks";
  public static final int FORMAT_VERSION = 1;

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

  /** Headline weights {@code vera index eval} tries on the validation part; 0 is BM25 on claims. */
  public static final List<Double> TITLE_WEIGHTS = List.of(0.0, 0.25, 0.5, 1.0);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final Analyzer analyzer;
  private final ObjectNode manifest;

  private FactCheckIndex(Directory directory, ObjectNode manifest) throws IOException {
    this.directory = directory;
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
    this.searcher.setSimilarity(new BM25Similarity());
    this.analyzer = analyzer();
    this.manifest = manifest;
  }

  static Analyzer analyzer() {
    return new EnglishAnalyzer(STOP_WORDS);
  }

  /** A built index: how many records went in from which files. */
  public record BuildSummary(int records, List<String> files) {}

  /** Writes a new index of {@code records} into {@code dir} (replacing any index there). */
  public static BuildSummary build(
      Path dir, Iterable<FactCheck> records, List<ObjectNode> sources) throws IOException {
    Files.createDirectories(dir);
    int n = 0;
    try (Directory d = FSDirectory.open(dir);
        IndexWriter w =
            new IndexWriter(
                d,
                new IndexWriterConfig(analyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setSimilarity(new BM25Similarity()))) {
      for (FactCheck f : records) {
        w.addDocument(document(f));
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
    m.putNull("min_score");
    m.put("title_weight", 0.0);
    writeManifest(dir, m);
    List<String> files = new ArrayList<>();
    sources.forEach(s -> files.add(s.path("path").asText()));
    return new BuildSummary(n, files);
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
          dir + ": not a Vera fact-check index (no " + MANIFEST + "); build one with 'vera index build'");
    }
    ObjectNode manifest;
    try {
      manifest = (ObjectNode) JSON.readTree(m.toFile());
    } catch (IOException | ClassCastException e) {
      throw new IOException(m + ": unreadable manifest: " + e.getMessage(), e);
    }
    if (!FORMAT.equals(manifest.path("format").asText())
        || manifest.path("version").asInt(-1) != FORMAT_VERSION) {
      throw new IOException(
          m
              + ": index format "
              + manifest.path("format").asText("?")
              + " v"
              + manifest.path("version").asText("?")
              + " is not supported (this Vera reads "
              + FORMAT
              + " v"
              + FORMAT_VERSION
              + "); rebuild it with 'vera index build'");
    }
    return new FactCheckIndex(FSDirectory.open(dir), manifest);
  }

  /**
   * Records the similarity threshold, and the weight of headline matches in the ranking, in the
   * index's manifest.
   */
  public static void writeMinScore(Path dir, double minScore, double titleWeight, String chosenOn)
      throws IOException {
    ObjectNode m = (ObjectNode) JSON.readTree(dir.resolve(MANIFEST).toFile());
    m.put("min_score", minScore);
    m.put("title_weight", titleWeight);
    m.put("min_score_chosen_on", chosenOn);
    writeManifest(dir, m);
  }

  private static void writeManifest(Path dir, ObjectNode m) throws IOException {
    Path tmp = dir.resolve(MANIFEST + ".tmp");
    JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), m);
    Files.move(
        tmp,
        dir.resolve(MANIFEST),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** The threshold recorded by {@code vera index eval}, or null when none was chosen. */
  public @Nullable Double minScore() {
    var v = manifest.get("min_score");
    return v == null || v.isNull() ? null : v.asDouble();
  }

  /** The weight of headline matches in {@link #search(String, int)}: 0 ranks by claim alone. */
  public double titleWeight() {
    return manifest.path("title_weight").asDouble(0);
  }

  public int size() {
    return reader.numDocs();
  }

  /** A fact-check and its BM25 similarity to the query. */
  public record Hit(FactCheck factCheck, double score) {}

  /** The {@code k} fact-checks most similar to {@code text}, best first; none for an empty query. */
  public List<Hit> search(String text, int k) {
    return search(text, k, titleWeight());
  }

  /**
   * The {@code k} fact-checks most similar to {@code text}: BM25 on the claim plus {@code
   * titleWeight} times BM25 on the headline.
   */
  public List<Hit> search(String text, int k, double titleWeight) {
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
        hits.add(
            new Hit(
                new FactCheck(
                    d.get("id"),
                    d.get("claim"),
                    d.get("verdict"),
                    d.get("publisher"),
                    d.get("url"),
                    d.get("date"),
                    d.get("speaker"),
                    d.get("title")),
                sd.score));
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
