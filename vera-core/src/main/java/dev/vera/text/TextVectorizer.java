package dev.vera.text;

import dev.vera.article.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Turns articles into TF-IDF vectors over hashed word and character n-grams, plus standardized
 * style features. Each space is weighted {@code (1 + ln tf) * idf} and L2-normalized on its own.
 * Instances are immutable once fitted and safe to share between threads.
 */
public final class TextVectorizer {
  private static final int LOG_TABLE = 256;
  private static final float[] ONE_PLUS_LOG = new float[LOG_TABLE];

  static {
    for (int i = 1; i < LOG_TABLE; i++) {
      ONE_PLUS_LOG[i] = (float) (1 + Math.log(i));
    }
  }

  private final FeatureConfig config;
  private final float[] idf;
  private final double[] styleMean;
  private final double[] styleScale;
  private final Map<FeatureSpace, Analyzer> analyzers = new EnumMap<>(FeatureSpace.class);
  private final ThreadLocal<Scratch> scratch;

  /**
   * A fitted vectorizer.
   *
   * @param idf one weight per hashed slot; 0 marks a slot dropped for being too rare in training
   * @param styleMean training mean of each style feature
   * @param styleScale training standard deviation of each style feature (never 0)
   */
  public TextVectorizer(FeatureConfig config, float[] idf, double[] styleMean, double[] styleScale) {
    if (idf.length != config.hashSize()) {
      throw new IllegalArgumentException(
          "idf table has " + idf.length + " slots, config says " + config.hashSize());
    }
    this.config = config;
    this.idf = idf;
    this.styleMean = styleMean.clone();
    this.styleScale = styleScale.clone();
    for (FeatureSpace s : config.spaces()) {
      analyzers.put(s, analyzerFor(s, config));
    }
    int size = config.hashSize();
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(size));
  }

  /**
   * Learns the document frequencies and style statistics of the training articles.
   *
   * @param progress called after each article with the count done so far
   */
  public static TextVectorizer fit(
      FeatureConfig config, List<Article> training, java.util.function.IntConsumer progress) {
    int size = config.hashSize();
    int[] df = new int[size];
    // A vectorizer with every slot at idf 1 visits every term; only presence is counted here.
    float[] all = new float[size];
    Arrays.fill(all, 1f);
    int styles = StyleFeatures.NAMES.size();
    TextVectorizer counting =
        new TextVectorizer(config, all, new double[styles], ones(styles));
    double[] sum = new double[styles];
    double[] sumSq = new double[styles];
    int done = 0;
    for (Article a : training) {
      Scratch s = counting.scratch.get();
      for (FeatureSpace space : config.spaces()) {
        counting.count(space, a, s);
        for (int i = 0; i < s.touchedCount; i++) {
          df[s.touched[i]]++;
        }
        s.clear();
      }
      if (config.style()) {
        double[] st = StyleFeatures.compute(a);
        for (int i = 0; i < styles; i++) {
          sum[i] += st[i];
          sumSq[i] += st[i] * st[i];
        }
      }
      progress.accept(++done);
    }
    int n = training.size();
    float[] idf = new float[size];
    for (int i = 0; i < size; i++) {
      if (df[i] >= config.minDf()) {
        // scikit-learn's smoothed idf, so figures compare with the peers' TF-IDF.
        idf[i] = (float) (Math.log((1.0 + n) / (1.0 + df[i])) + 1.0);
      }
    }
    double[] mean = new double[styles];
    double[] scale = new double[styles];
    for (int i = 0; i < styles; i++) {
      mean[i] = n == 0 ? 0 : sum[i] / n;
      double var = n == 0 ? 0 : sumSq[i] / n - mean[i] * mean[i];
      scale[i] = var > 1e-12 ? Math.sqrt(var) : 1.0;
    }
    return new TextVectorizer(config, idf, mean, scale);
  }

  private static double[] ones(int n) {
    double[] d = new double[n];
    Arrays.fill(d, 1.0);
    return d;
  }

  private static Analyzer analyzerFor(FeatureSpace space, FeatureConfig config) {
    return space.kind() == FeatureSpace.Kind.WORDS
        ? new WordNGramAnalyzer(config.wordMaxGram())
        : new CharNGramAnalyzer(config.charMinGram(), config.charMaxGram());
  }

  public FeatureConfig config() {
    return config;
  }

  /** The idf table (shared, do not modify). */
  public float[] idf() {
    return idf;
  }

  public double[] styleMean() {
    return styleMean.clone();
  }

  public double[] styleScale() {
    return styleScale.clone();
  }

  /** Number of hashed slots kept after the minimum document frequency. */
  public int keptSlots() {
    int n = 0;
    for (float f : idf) {
      if (f != 0) {
        n++;
      }
    }
    return n;
  }

  /** The article's vector, sorted by index, for training. */
  public SparseVector vectorize(Article article) {
    Scratch s = scratch.get();
    int hashSize = config.hashSize();
    int styles = config.style() ? StyleFeatures.NAMES.size() : 0;
    List<int[]> idxParts = new ArrayList<>();
    List<float[]> valParts = new ArrayList<>();
    int total = 0;
    for (FeatureSpace space : config.spaces()) {
      count(space, article, s);
      int n = s.touchedCount;
      int[] idx = Arrays.copyOf(s.touched, n);
      float[] val = new float[n];
      double sq = 0;
      for (int i = 0; i < n; i++) {
        int slot = idx[i];
        float v = tf(s.counts[slot]) * idf[slot];
        val[i] = v;
        sq += (double) v * v;
      }
      float inv = sq == 0 ? 0f : (float) (1.0 / Math.sqrt(sq));
      for (int i = 0; i < n; i++) {
        val[i] *= inv;
      }
      s.clear();
      idxParts.add(idx);
      valParts.add(val);
      total += n;
    }
    // Spaces share the hashed table, so one slot may appear in several spaces: sum them.
    long[] packed = new long[total];
    float[] flatVal = new float[total];
    int k = 0;
    for (int p = 0; p < idxParts.size(); p++) {
      int[] idx = idxParts.get(p);
      float[] val = valParts.get(p);
      for (int i = 0; i < idx.length; i++) {
        packed[k] = ((long) idx[i] << 32) | k;
        flatVal[k] = val[i];
        k++;
      }
    }
    Arrays.sort(packed);
    int[] outIdx = new int[total + styles];
    float[] outVal = new float[total + styles];
    int m = 0;
    for (long p : packed) {
      int slot = (int) (p >>> 32);
      float v = flatVal[(int) p];
      if (m > 0 && outIdx[m - 1] == slot) {
        outVal[m - 1] += v;
      } else {
        outIdx[m] = slot;
        outVal[m] = v;
        m++;
      }
    }
    if (styles > 0) {
      double[] st = standardizedStyle(article);
      for (int i = 0; i < styles; i++) {
        outIdx[m] = hashSize + i;
        outVal[m] = (float) st[i];
        m++;
      }
    }
    return new SparseVector(Arrays.copyOf(outIdx, m), Arrays.copyOf(outVal, m));
  }

  /**
   * The dot product of the article's vector with {@code weights} (indexed like the vector),
   * without building the vector: the scoring hot path.
   */
  public double dot(Article article, float[] weights) {
    Scratch s = scratch.get();
    double z = 0;
    for (FeatureSpace space : config.spaces()) {
      count(space, article, s);
      double sq = 0;
      double d = 0;
      for (int i = 0; i < s.touchedCount; i++) {
        int slot = s.touched[i];
        float v = tf(s.counts[slot]) * idf[slot];
        sq += (double) v * v;
        d += (double) v * weights[slot];
      }
      s.clear();
      if (sq > 0) {
        z += d / Math.sqrt(sq);
      }
    }
    if (config.style()) {
      double[] st = standardizedStyle(article);
      int base = config.hashSize();
      for (int i = 0; i < st.length; i++) {
        z += st[i] * weights[base + i];
      }
    }
    return z;
  }

  /** The standardized style features of an article (empty when style is off). */
  public double[] standardizedStyle(Article article) {
    if (!config.style()) {
      return new double[0];
    }
    double[] st = StyleFeatures.compute(article);
    for (int i = 0; i < st.length; i++) {
      st[i] = (st[i] - styleMean[i]) / styleScale[i];
    }
    return st;
  }

  /**
   * Visits every occurrence of every kept term of the article with its share of {@code weights ·
   * x}: a term occurring {@code n} times gives each occurrence {@code 1/n} of its contribution.
   * Slow (it makes strings): for explanations, not for scoring.
   */
  public void visitContributions(Article article, float[] weights, ContributionVisitor visitor) {
    Scratch s = scratch.get();
    int mask = config.hashSize() - 1;
    for (FeatureSpace space : config.spaces()) {
      count(space, article, s);
      double sq = 0;
      for (int i = 0; i < s.touchedCount; i++) {
        int slot = s.touched[i];
        float v = tf(s.counts[slot]) * idf[slot];
        sq += (double) v * v;
      }
      double inv = sq == 0 ? 0 : 1.0 / Math.sqrt(sq);
      int seed = space.ordinal() + 1;
      // Visit again to recover the strings and offsets behind each slot.
      visit(
          space,
          space.textOf(article),
          (chars, len, start, end) -> {
            int slot = TermHash.hash(chars, len, seed) & mask;
            if (idf[slot] == 0) {
              return;
            }
            int c = s.counts[slot];
            double share = tf(c) * idf[slot] * inv * weights[slot] / c;
            visitor.occurrence(space, new String(chars, 0, len), start, end, share);
          });
      s.clear();
    }
  }

  /** Receives one occurrence of a term and its share of the score, in log-odds of fake. */
  @FunctionalInterface
  public interface ContributionVisitor {
    void occurrence(FeatureSpace space, String term, int start, int end, double contribution);
  }

  private static float tf(int count) {
    return count < LOG_TABLE ? ONE_PLUS_LOG[count] : (float) (1 + Math.log(count));
  }

  /** Counts the kept slots of one space into the scratch. */
  private void count(FeatureSpace space, Article article, Scratch s) {
    int mask = config.hashSize() - 1;
    int seed = space.ordinal() + 1;
    visit(
        space,
        space.textOf(article),
        (chars, len, start, end) -> {
          int slot = TermHash.hash(chars, len, seed) & mask;
          if (idf[slot] != 0) {
            s.add(slot);
          }
        });
  }

  /** Receives each term of a token stream without copying it. */
  @FunctionalInterface
  interface TermVisitor {
    void term(char[] chars, int length, int start, int end);
  }

  private void visit(FeatureSpace space, String text, TermVisitor visitor) {
    if (text.isEmpty()) {
      return;
    }
    Analyzer analyzer = analyzers.get(space);
    try (TokenStream ts = analyzer.tokenStream(space.wireName(), text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        visitor.term(term.buffer(), term.length(), offset.startOffset(), offset.endOffset());
      }
      ts.end();
    } catch (IOException e) {
      // Analysis reads from a String: an IOException here is a bug, not bad input.
      throw new UncheckedIOException(e);
    }
  }

  /** Per-thread counting buffers, reused across articles so scoring allocates little. */
  private static final class Scratch {
    final int[] counts;
    int[] touched = new int[4096];
    int touchedCount;

    Scratch(int size) {
      counts = new int[size];
    }

    void add(int slot) {
      if (counts[slot]++ == 0) {
        if (touchedCount == touched.length) {
          touched = Arrays.copyOf(touched, touched.length * 2);
        }
        touched[touchedCount++] = slot;
      }
    }

    void clear() {
      for (int i = 0; i < touchedCount; i++) {
        counts[touched[i]] = 0;
      }
      touchedCount = 0;
    }
  }
}
