package dev.vera.text;

import dev.vera.article.Article;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Turns articles into TF-IDF vectors over hashed word and character n-grams, plus standardized
 * style features. Each space is weighted {@code (1 + ln tf) * idf}, L2-normalized on its own, and
 * scaled by its {@linkplain FeatureConfig#weight weight}. Instances are immutable once fitted and
 * safe to share between threads.
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
  private final TermGenerator generator;
  private final ThreadLocal<SlotCounter[]> scratch;

  /** For each part: its word space and character space, or null when not configured. */
  private final FeatureSpace[][] spacesByPart = new FeatureSpace[2][2];

  /** For each part and kind: the space's weight (see {@link FeatureConfig#weight}). */
  private final double[][] weightByPart = {{1, 1}, {1, 1}};

  /**
   * A fitted vectorizer.
   *
   * @param idf one weight per hashed slot; 0 marks a slot dropped for being too rare in training
   * @param styleMean training mean of each style feature
   * @param styleScale training standard deviation of each style feature (never 0)
   */
  public TextVectorizer(
      FeatureConfig config, float[] idf, double[] styleMean, double[] styleScale) {
    if (idf.length != config.hashSize()) {
      throw new IllegalArgumentException(
          "idf table has " + idf.length + " slots, config says " + config.hashSize());
    }
    this.config = config;
    this.idf = idf;
    this.styleMean = styleMean.clone();
    this.styleScale = styleScale.clone();
    this.generator =
        new TermGenerator(config.wordMaxGram(), config.charMinGram(), config.charMaxGram());
    for (FeatureSpace s : config.spaces()) {
      spacesByPart[s.part().ordinal()][s.kind().ordinal()] = s;
      weightByPart[s.part().ordinal()][s.kind().ordinal()] = config.weight(s);
    }
    // One buffer per feature kind: a part's word and character spaces are counted in one pass.
    this.scratch =
        ThreadLocal.withInitial(() -> new SlotCounter[] {new SlotCounter(), new SlotCounter()});
  }

  /**
   * Learns the document frequencies and style statistics of the training articles.
   *
   * @param progress called after each article with the count done so far
   */
  public static TextVectorizer fit(
      FeatureConfig config, List<Article> training, IntConsumer progress) {
    return fit(config, training, a -> null, 1.0, progress);
  }

  /**
   * {@link #fit(FeatureConfig, List, IntConsumer)}, dropping the publishers' boilerplate: a slot
   * more than {@code maxPublisherShare} of whose training documents come from one publisher (its
   * cookie banner, its bylines, its section names) is not kept. An article without a publisher
   * counts as a publisher of its own.
   *
   * @param publisher an article's publisher, or null
   * @param maxPublisherShare 1 keeps every slot
   */
  public static TextVectorizer fit(
      FeatureConfig config,
      List<Article> training,
      Function<Article, String> publisher,
      double maxPublisherShare,
      IntConsumer progress) {
    int size = config.hashSize();
    int[] df = new int[size];
    boolean filter = maxPublisherShare < 1.0;
    // Counted publisher by publisher, each slot's largest document count within one publisher.
    Integer[] order = new Integer[training.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    String[] keys = new String[training.size()];
    if (filter) {
      for (int i = 0; i < keys.length; i++) {
        String p = publisher.apply(training.get(i));
        keys[i] = p == null ? "\u0000" + i : p;
      }
      Arrays.sort(order, Comparator.comparing((Integer i) -> keys[i]));
    }
    int[] groupDf = filter ? new int[size] : null;
    int[] maxGroupDf = filter ? new int[size] : null;
    int[] groupTouched = filter ? new int[1024] : null;
    int groupTouchedCount = 0;
    // A vectorizer with every slot at idf 1 visits every term; only presence is counted here.
    float[] all = new float[size];
    Arrays.fill(all, 1f);
    int styles = StyleFeatures.NAMES.size();
    TextVectorizer counting = new TextVectorizer(config, all, new double[styles], ones(styles));
    double[] sum = new double[styles];
    double[] sumSq = new double[styles];
    // Spaces share the hashed table: a slot reached by two spaces of one article is still one
    // document, so each slot remembers the last article that counted it.
    int[] lastCounted = new int[size];
    int done = 0;
    for (int k = 0; k < order.length; k++) {
      Article a = training.get(order[k]);
      if (filter && k > 0 && !keys[order[k]].equals(keys[order[k - 1]])) {
        groupTouchedCount = flushGroup(groupDf, maxGroupDf, groupTouched, groupTouchedCount);
      }
      SlotCounter[] s = counting.scratch.get();
      int doc = done + 1;
      for (FeatureSpace.Part part : FeatureSpace.Part.values()) {
        counting.countPart(part, a, s, null);
        for (SlotCounter kind : s) {
          for (int i = 0; i < kind.touchedCount; i++) {
            int slot = kind.touched[i];
            if (lastCounted[slot] != doc) {
              lastCounted[slot] = doc;
              df[slot]++;
              if (filter) {
                if (groupDf[slot]++ == 0) {
                  if (groupTouchedCount == groupTouched.length) {
                    groupTouched = Arrays.copyOf(groupTouched, groupTouched.length * 2);
                  }
                  groupTouched[groupTouchedCount++] = slot;
                }
              }
            }
          }
          kind.clear();
        }
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
    if (filter) {
      flushGroup(groupDf, maxGroupDf, groupTouched, groupTouchedCount);
    }
    int n = training.size();
    float[] idf = new float[size];
    for (int i = 0; i < size; i++) {
      if (df[i] >= config.minDf() && !(filter && maxGroupDf[i] > maxPublisherShare * df[i])) {
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

  /** Folds one publisher's document counts into the slots' maxima and clears them. */
  private static int flushGroup(int[] groupDf, int[] maxGroupDf, int[] touched, int count) {
    for (int i = 0; i < count; i++) {
      int slot = touched[i];
      maxGroupDf[slot] = Math.max(maxGroupDf[slot], groupDf[slot]);
      groupDf[slot] = 0;
    }
    return 0;
  }

  private static double[] ones(int n) {
    double[] d = new double[n];
    Arrays.fill(d, 1.0);
    return d;
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

  /** How much this thread's count tables hold on to between articles (tests). */
  int scratchCapacity() {
    int c = 0;
    for (SlotCounter s : scratch.get()) {
      c += s.capacity();
    }
    return c;
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
    SlotCounter[] s = scratch.get();
    int styles = config.style() ? StyleFeatures.NAMES.size() : 0;
    List<int[]> idxParts = new ArrayList<>();
    List<float[]> valParts = new ArrayList<>();
    int total = 0;
    for (FeatureSpace.Part part : FeatureSpace.Part.values()) {
      countPart(part, article, s, null);
      for (int k = 0; k < s.length; k++) {
        SlotCounter kind = s[k];
        double spaceWeight = weightByPart[part.ordinal()][k];
        kind.finish();
        int[] idx = new int[kind.touchedCount];
        float[] val = new float[kind.touchedCount];
        int n = 0;
        double sq = 0;
        for (int i = 0; i < kind.touchedCount; i++) {
          int slot = kind.touched[i];
          if (idf[slot] == 0) {
            continue;
          }
          float v = tf(kind.counts[i]) * idf[slot];
          idx[n] = slot;
          val[n++] = v;
          sq += (double) v * v;
        }
        idx = Arrays.copyOf(idx, n);
        val = Arrays.copyOf(val, n);
        float inv = sq == 0 ? 0f : (float) (spaceWeight / Math.sqrt(sq));
        for (int i = 0; i < n; i++) {
          val[i] *= inv;
        }
        kind.clear();
        idxParts.add(idx);
        valParts.add(val);
        total += n;
      }
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
        outIdx[m] = config.hashSize() + i;
        outVal[m] = (float) st[i];
        m++;
      }
    }
    return new SparseVector(Arrays.copyOf(outIdx, m), Arrays.copyOf(outVal, m));
  }

  /**
   * The dot product of the article's vector with {@code weights} (indexed like the vector), without
   * building the vector: the scoring hot path.
   */
  public double dot(Article article, float[] weights) {
    return dot(article, weights, null);
  }

  /**
   * {@link #dot(Article, float[])}, also counting the article's words into {@code words} (for the
   * neighbour index) from the same pass over the token stream; {@link WordTerms#take()} then gives
   * what {@link WordTerms#count(Article)} would.
   */
  public double dot(Article article, float[] weights, @Nullable WordTerms words) {
    SlotCounter[] s = scratch.get();
    double z = 0;
    for (FeatureSpace.Part part : FeatureSpace.Part.values()) {
      countPart(part, article, s, words);
      for (int k = 0; k < s.length; k++) {
        z += spaceDot(s[k], weightByPart[part.ordinal()][k], weights, null, 0);
        s[k].clear();
      }
    }
    return plusStyle(z, article, weights);
  }

  /** {@code z} plus the style features' share of {@code weights · x}, term by term. */
  private double plusStyle(double z, Article article, float[] weights) {
    if (config.style()) {
      double[] st = standardizedStyle(article);
      int base = config.hashSize();
      for (int i = 0; i < st.length; i++) {
        z += st[i] * weights[base + i];
      }
    }
    return z;
  }

  /** Standardized style values are clipped to this many standard deviations either side. */
  public static final double STYLE_CLIP = 5.0;

  /** The standardized style features of an article, clipped (empty when style is off). */
  public double[] standardizedStyle(Article article) {
    if (!config.style()) {
      return new double[0];
    }
    double[] st = StyleFeatures.compute(article);
    for (int i = 0; i < st.length; i++) {
      // Rates on a two-line text can sit dozens of deviations out; clipped, one hedge in a
      // short paste cannot decide the verdict alone.
      double z = (st[i] - styleMean[i]) / styleScale[i];
      st[i] = Math.max(-STYLE_CLIP, Math.min(STYLE_CLIP, z));
    }
    return st;
  }

  /**
   * Visits every occurrence of every kept term of the article with its share of {@code weights ·
   * x}: a term occurring {@code n} times gives each occurrence {@code 1/n} of its contribution. For
   * explanations: about twice the cost of {@link #dot}.
   *
   * @return {@link #dot}{@code (article, weights)}, bit for bit, so that an explained verdict is
   *     the verdict
   */
  public double visitContributions(Article article, float[] weights, ContributionVisitor visitor) {
    return visitContributions(article, weights, null, visitor);
  }

  /**
   * {@link #visitContributions(Article, float[], ContributionVisitor)}, also counting the article's
   * words into {@code words} as {@link #dot(Article, float[], WordTerms)} does.
   */
  public double visitContributions(
      Article article, float[] weights, @Nullable WordTerms words, ContributionVisitor visitor) {
    SlotCounter[] s = scratch.get();
    int mask = config.hashSize() - 1;
    double z = 0;
    for (FeatureSpace.Part part : FeatureSpace.Part.values()) {
      FeatureSpace[] spaces = spacesByPart[part.ordinal()];
      countPart(part, article, s, words);
      double[] inv = new double[2];
      for (int k = 0; k < 2; k++) {
        // The arithmetic of dot(), so the sum is the same double.
        z += spaceDot(s[k], weightByPart[part.ordinal()][k], weights, inv, k);
      }
      // A second pass recovers the terms and offsets behind each slot.
      TermView view = new TermView();
      generator.generate(
          textOf(part, article),
          seedOf(spaces[0]),
          seedOf(spaces[1]),
          (kind, hash, buf, off, len, start, end) -> {
            int slot = hash & mask;
            if (idf[slot] == 0) {
              return;
            }
            SlotCounter sc = s[kind.ordinal()];
            int c = sc.count(slot);
            double share = tf(c) * idf[slot] * inv[kind.ordinal()] * weights[slot] / c;
            view.set(buf, off, len);
            visitor.occurrence(spaces[kind.ordinal()], view, start, end, share);
          });
      s[0].clear();
      s[1].clear();
    }
    return plusStyle(z, article, weights);
  }

  /**
   * Receives one occurrence of a term and its share of the score, in log-odds of fake. The term is
   * a view valid only during the call ({@code toString()} keeps it): most occurrences are character
   * n-grams that an explanation credits to their word without ever naming them.
   */
  @FunctionalInterface
  public interface ContributionVisitor {
    void occurrence(FeatureSpace space, CharSequence term, int start, int end, double contribution);
  }

  /** A reusable window on the generator's buffer. */
  private static final class TermView implements CharSequence {
    private char[] buf = new char[0];
    private int off;
    private int len;

    void set(char[] b, int o, int l) {
      buf = b;
      off = o;
      len = l;
    }

    @Override
    public int length() {
      return len;
    }

    @Override
    public char charAt(int index) {
      return buf[off + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new String(buf, off + start, end - start);
    }

    @Override
    public String toString() {
      return new String(buf, off, len);
    }
  }

  /**
   * One space's share of {@code weights · x}: its counted terms weighted {@code (1 + ln tf) * idf},
   * L2-normalized, times the space's weight. Stores the factor applied to each term ({@code
   * spaceWeight / norm}) in {@code inv[k]} when {@code inv} is given.
   */
  private double spaceDot(
      SlotCounter kind, double spaceWeight, float[] weights, double[] inv, int k) {
    kind.finish();
    double sq = 0;
    double d = 0;
    for (int i = 0; i < kind.touchedCount; i++) {
      int slot = kind.touched[i];
      float v = tf(kind.counts[i]) * idf[slot];
      sq += (double) v * v;
      d += (double) v * weights[slot];
    }
    if (inv != null) {
      inv[k] = sq == 0 ? 0 : spaceWeight / Math.sqrt(sq);
    }
    return sq > 0 ? spaceWeight * (d / Math.sqrt(sq)) : 0.0;
  }

  private static float tf(int count) {
    return count < LOG_TABLE ? ONE_PLUS_LOG[count] : (float) (1 + Math.log(count));
  }

  private static String textOf(FeatureSpace.Part part, Article article) {
    return part == FeatureSpace.Part.TITLE ? article.title() : article.text();
  }

  private static int seedOf(FeatureSpace space) {
    return space == null ? -1 : space.ordinal() + 1;
  }

  /**
   * Counts the kept slots of a part's word and character spaces into the two scratches, and the
   * part's words into {@code unigrams} when given.
   */
  private void countPart(
      FeatureSpace.Part part, Article article, SlotCounter[] s, @Nullable WordTerms unigrams) {
    FeatureSpace[] spaces = spacesByPart[part.ordinal()];
    int mask = config.hashSize() - 1;
    SlotCounter words = s[0];
    SlotCounter chars = s[1];
    generator.generate(
        textOf(part, article),
        seedOf(spaces[0]),
        seedOf(spaces[1]),
        WordTerms.SEED,
        unigrams == null ? null : unigrams.adder(),
        (kind, hash, buf, off, len, start, end) -> {
          (kind == FeatureSpace.Kind.WORDS ? words : chars).add(hash & mask);
        });
  }
}
