package dev.vera.model;

import dev.vera.article.Article;
import dev.vera.article.Label;
import dev.vera.text.WordTerms;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The labelled training articles most similar to an article: cosine similarity of TF-IDF word
 * vectors, each article reduced to its {@code terms} heaviest words, found through an inverted
 * index. Many GossipCop stories are retold by several outlets, fabricated rumours included, so the
 * labels of the nearest known stories are evidence a bag of n-grams weighs only indirectly; on the
 * validation parts of all three GossipCop splits, stacking them with the lexical score lifted
 * ROC-AUC by about 0.01 (README).
 *
 * <p>Articles from the publisher of the article judged are never its neighbours: their likeness is
 * mostly the outlet's boilerplate, and their labels would bring the outlet's track record into the
 * text score by the back door (the publisher's reputation is separate evidence, see {@link
 * SourceReputation}). The neighbours are other outlets telling a similar story.
 *
 * <p>The index holds no body text: hashed word slots with their idf, and per training article its
 * id, publisher, label and weighted slots, and (in indexes built since they were kept) its title,
 * date and URL, so that a neighbour can be shown as a story a person can find again ({@link
 * Story}). Immutable and thread-safe.
 */
public final class NeighbourIndex {
  /** Words are hashed into this many bits of slots (a table of their own, not the text model's). */
  public static final int HASH_BITS = 20;

  /**
   * @param k how many nearest training articles are consulted
   * @param terms how many of its heaviest words represent an article
   */
  public record Settings(int k, int terms) {
    public Settings {
      if (k < 1 || k > 1000) {
        throw new IllegalArgumentException("neighbours k must be 1..1000, was " + k);
      }
      if (terms < 1 || terms > 10_000) {
        throw new IllegalArgumentException("neighbour terms must be 1..10000, was " + terms);
      }
    }

    /** The default model's settings (chosen on GossipCop's validation parts, see README). */
    public static Settings defaults() {
      return new Settings(30, 64);
    }
  }

  /**
   * A training article as a reader can find it again; any part is null when unknown. An index built
   * before titles, dates and URLs were kept knows the publisher alone.
   *
   * @param publisher the publisher's domain
   */
  public record Story(
      @Nullable String title,
      @Nullable String publisher,
      @Nullable LocalDate date,
      @Nullable String url) {}

  /** Per training article, in training order, its title, date and URL (entries may be null). */
  public record Stories(
      @Nullable String[] titles, @Nullable LocalDate[] dates, @Nullable String[] urls) {
    public Stories {
      if (titles.length != dates.length || titles.length != urls.length) {
        throw new IllegalArgumentException("stories need one title, date and URL per article");
      }
    }

    /** The stories of {@code training}, in order: blank titles and URLs are unknown. */
    public static Stories of(List<Article> training) {
      int n = training.size();
      String[] titles = new String[n];
      LocalDate[] dates = new LocalDate[n];
      String[] urls = new String[n];
      for (int i = 0; i < n; i++) {
        Article a = training.get(i);
        titles[i] = a.title().isBlank() ? null : a.title();
        dates[i] = a.date();
        urls[i] = a.url() == null || a.url().isBlank() ? null : a.url();
      }
      return new Stories(titles, dates, urls);
    }

    public int size() {
      return titles.length;
    }
  }

  /** One training article found near another. */
  public record Neighbour(
      int doc, @Nullable String id, Label label, double similarity, Story story) {}

  private final Settings settings;
  private final float[] idf;

  /** Postings of slot s: {@code docs/weights[start[s] .. start[s+1])}, docs ascending. */
  private final int[] start;

  private final int[] docs;
  private final float[] weights;
  private final boolean[] fake;
  private final @Nullable String[] ids;

  /** Per training article, its publisher's position in {@link #publishers}, or -1. */
  private final int[] publisherOf;

  private final List<String> publishers;
  private final Map<String, Integer> publisherIndex = new HashMap<>();
  private final double prior;
  private final ThreadLocal<Accumulator> accumulators;

  /** The training corpora, and per training article its corpus's position (empty when unknown). */
  private final List<String> corpora;

  private final byte[] corpusOf;

  private final @Nullable Stories stories;

  /**
   * @param idf one weight per hashed slot, 0 for slots not kept
   * @param start posting offsets per slot, {@code 2^HASH_BITS + 1} long
   * @param docs the training article of each posting
   * @param weights the article's normalized weight of the slot, per posting
   * @param fake the label of each training article
   * @param ids the id of each training article (null entries allowed)
   * @param publishers the distinct publisher domains of the training articles
   * @param publisherOf per training article, its position in {@code publishers}, or -1
   */
  public NeighbourIndex(
      Settings settings,
      float[] idf,
      int[] start,
      int[] docs,
      float[] weights,
      boolean[] fake,
      @Nullable String[] ids,
      List<String> publishers,
      int[] publisherOf) {
    this(
        settings,
        idf,
        start,
        docs,
        weights,
        fake,
        ids,
        publishers,
        publisherOf,
        List.of(),
        new byte[0]);
  }

  /**
   * An index that also knows each training article's corpus, so that a query tells which corpora an
   * article's nearest training articles come from ({@link Query#corpusShare()}).
   *
   * @param corpora the training corpora (at most 127), or none
   * @param corpusOf per training article, its corpus's position in {@code corpora}, -1 for none (an
   *     analyst's correction); empty when there are no corpora
   */
  public NeighbourIndex(
      Settings settings,
      float[] idf,
      int[] start,
      int[] docs,
      float[] weights,
      boolean[] fake,
      @Nullable String[] ids,
      List<String> publishers,
      int[] publisherOf,
      List<String> corpora,
      byte[] corpusOf) {
    this(
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
        corpusOf,
        null);
  }

  private NeighbourIndex(
      Settings settings,
      float[] idf,
      int[] start,
      int[] docs,
      float[] weights,
      boolean[] fake,
      @Nullable String[] ids,
      List<String> publishers,
      int[] publisherOf,
      List<String> corpora,
      byte[] corpusOf,
      @Nullable Stories stories) {
    if (stories != null && stories.size() != fake.length) {
      throw new IllegalArgumentException("a neighbour index needs one story per article");
    }
    this.stories = stories;
    if (!corpora.isEmpty() && (corpusOf.length != fake.length || corpora.size() > Byte.MAX_VALUE)) {
      throw new IllegalArgumentException(
          "a neighbour index needs one corpus per article, of at most 127");
    }
    for (byte c : corpusOf) {
      if (c < -1 || c >= corpora.size()) {
        throw new IllegalArgumentException("a training article's corpus is out of range: " + c);
      }
    }
    this.corpora = List.copyOf(corpora);
    this.corpusOf = corpusOf;
    int slots = 1 << HASH_BITS;
    if (idf.length != slots || start.length != slots + 1) {
      throw new IllegalArgumentException("a neighbour index has " + slots + " slots");
    }
    if (docs.length != weights.length || start[slots] != docs.length) {
      throw new IllegalArgumentException("neighbour postings do not add up");
    }
    if (fake.length != ids.length || fake.length != publisherOf.length || fake.length == 0) {
      throw new IllegalArgumentException(
          "a neighbour index needs one label, id and publisher per article");
    }
    for (int p : publisherOf) {
      if (p < -1 || p >= publishers.size()) {
        throw new IllegalArgumentException("a training article's publisher is out of range: " + p);
      }
    }
    this.settings = settings;
    this.idf = idf;
    this.start = start;
    this.docs = docs;
    this.weights = weights;
    this.fake = fake;
    this.ids = ids;
    this.publishers = List.copyOf(publishers);
    this.publisherOf = publisherOf;
    for (int i = 0; i < this.publishers.size(); i++) {
      publisherIndex.put(this.publishers.get(i), i);
    }
    int f = 0;
    for (boolean b : fake) {
      f += b ? 1 : 0;
    }
    this.prior = (double) f / fake.length;
    this.accumulators = ThreadLocal.withInitial(() -> new Accumulator(fake.length));
  }

  /**
   * Indexes the labelled training articles, in order (a neighbour's {@code doc} is its position).
   */
  public static NeighbourIndex build(
      List<Article> training, Settings settings, IntConsumer progress) {
    int slots = 1 << HASH_BITS;
    int n = training.size();
    WordTerms words = new WordTerms(HASH_BITS);
    int[] df = new int[slots];
    int[][] docSlots = new int[n][];
    int[][] docCounts = new int[n][];
    for (int i = 0; i < n; i++) {
      WordTerms.Counts c = words.count(training.get(i));
      docSlots[i] = c.slots();
      docCounts[i] = c.counts();
      for (int s : c.slots()) {
        df[s]++;
      }
      progress.accept(i + 1);
    }
    float[] idf = new float[slots];
    for (int s = 0; s < slots; s++) {
      // Words of a single article can make no neighbour: they are not kept.
      if (df[s] >= 2) {
        idf[s] = (float) (Math.log((1.0 + n) / (1.0 + df[s])) + 1.0);
      }
    }
    int[][] keptSlots = new int[n][];
    float[][] keptWeights = new float[n][];
    int[] perSlot = new int[slots];
    boolean[] fake = new boolean[n];
    String[] ids = new String[n];
    Map<String, Integer> publisherIds = new TreeMap<>();
    for (Article a : training) {
      String p = SourceReputation.publisherOf(a);
      if (p != null) {
        publisherIds.put(p, 0);
      }
    }
    List<String> publishers = new ArrayList<>(publisherIds.keySet());
    for (int i = 0; i < publishers.size(); i++) {
      publisherIds.put(publishers.get(i), i);
    }
    int[] publisherOf = new int[n];
    for (int i = 0; i < n; i++) {
      Vector v = vector(docSlots[i], docCounts[i], idf, settings.terms());
      keptSlots[i] = v.slots;
      keptWeights[i] = v.weights;
      for (int s : v.slots) {
        perSlot[s]++;
      }
      Label label = training.get(i).label();
      if (label == null) {
        throw new IllegalArgumentException(
            "neighbour index: training article " + i + " has no label");
      }
      fake[i] = label == Label.FAKE;
      ids[i] = training.get(i).id();
      String p = SourceReputation.publisherOf(training.get(i));
      publisherOf[i] = p == null ? -1 : publisherIds.get(p);
    }
    int[] start = new int[slots + 1];
    for (int s = 0; s < slots; s++) {
      start[s + 1] = start[s] + perSlot[s];
    }
    int[] fill = Arrays.copyOf(start, slots);
    int[] docs = new int[start[slots]];
    float[] weights = new float[start[slots]];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < keptSlots[i].length; j++) {
        int p = fill[keptSlots[i][j]]++;
        docs[p] = i;
        weights[p] = dequantize(quantize(keptWeights[i][j]));
      }
    }
    return new NeighbourIndex(
            settings, idf, start, docs, weights, fake, ids, publishers, publisherOf)
        .withStories(Stories.of(training));
  }

  /** The same index knowing each training article's corpus (in training order). */
  public NeighbourIndex withCorpora(List<String> names, byte[] corpusOfArticle) {
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
        names,
        corpusOfArticle,
        stories);
  }

  /** The same index knowing each training article's title, date and URL. */
  public NeighbourIndex withStories(Stories s) {
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
        corpusOf,
        s);
  }

  /** The training articles' titles, dates and URLs, or null in an index built without them. */
  public @Nullable Stories stories() {
    return stories;
  }

  /** The training article at position {@code doc} as a reader can find it again. */
  public Story story(int doc) {
    String publisher = publisherOf[doc] < 0 ? null : publishers.get(publisherOf[doc]);
    return stories == null
        ? new Story(null, publisher, null, null)
        : new Story(stories.titles()[doc], publisher, stories.dates()[doc], stories.urls()[doc]);
  }

  /** The training corpora the index knows, in order (empty when it knows none). */
  public List<String> corpora() {
    return corpora;
  }

  /** Per training article, its corpus's position in {@link #corpora()} (empty when none). */
  public byte[] corpusOf() {
    return corpusOf;
  }

  /**
   * A training article's weight of a word as stored: 16 bits over (0, 1], so that the model file is
   * small and a model read back scores exactly as the one trained.
   */
  public static short quantize(float w) {
    return (short) Math.max(1, Math.min(65535, Math.round(w * 65535.0)));
  }

  public static float dequantize(short q) {
    return (float) ((q & 0xffff) / 65535.0);
  }

  private static final double[] ONE_PLUS_LOG = new double[256];

  static {
    for (int i = 1; i < ONE_PLUS_LOG.length; i++) {
      ONE_PLUS_LOG[i] = 1 + Math.log(i);
    }
  }

  /** Sublinear term frequency, {@code 1 + ln count}. */
  private static double tf(int count) {
    return count < ONE_PLUS_LOG.length ? ONE_PLUS_LOG[count] : 1 + Math.log(count);
  }

  /** An article's sparse, L2-normalized vector of its heaviest words. */
  private record Vector(int[] slots, float[] weights) {}

  private static Vector vector(int[] slots, int[] counts, float[] idf, int terms) {
    int n = 0;
    int[] s = new int[slots.length];
    float[] w = new float[slots.length];
    for (int i = 0; i < slots.length; i++) {
      if (idf[slots[i]] != 0) {
        s[n] = slots[i];
        w[n++] = (float) (tf(counts[i]) * idf[slots[i]]);
      }
    }
    if (n > terms) {
      // The heaviest words, ties broken by slot so that the choice is deterministic: one sort of
      // (descending weight, ascending slot) packed into longs; a positive float's bits order
      // like the float.
      long[] keys = new long[n];
      for (int i = 0; i < n; i++) {
        keys[i] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(w[i])) << 32) | s[i];
      }
      Arrays.sort(keys);
      int[] s2 = new int[terms];
      float[] w2 = new float[terms];
      for (int i = 0; i < terms; i++) {
        s2[i] = (int) keys[i];
        w2[i] = Float.intBitsToFloat(Integer.MAX_VALUE - (int) (keys[i] >>> 32));
      }
      s = s2;
      w = w2;
      n = terms;
    }
    double sq = 0;
    for (int i = 0; i < n; i++) {
      sq += (double) w[i] * w[i];
    }
    float inv = sq == 0 ? 0f : (float) (1 / Math.sqrt(sq));
    int[] outS = Arrays.copyOf(s, n);
    float[] outW = Arrays.copyOf(w, n);
    for (int i = 0; i < n; i++) {
      outW[i] *= inv;
    }
    return new Vector(outS, outW);
  }

  public Settings settings() {
    return settings;
  }

  /** Number of training articles indexed. */
  public int size() {
    return fake.length;
  }

  /** Share of fake among the training articles. */
  public double prior() {
    return prior;
  }

  /**
   * The {@code k} nearest training articles, most similar first (ties by position), leaving out the
   * training article at position {@code exclude} (-1 for none: a new article) and every training
   * article of the same publisher.
   */
  public List<Neighbour> nearest(Article article, int exclude) {
    return nearest(
        WordTerms.forThread(HASH_BITS).count(article),
        SourceReputation.publisherOf(article),
        exclude);
  }

  /**
   * {@link #nearest(Article, int)} for an article whose words were already counted ({@link
   * WordTerms} with {@link #HASH_BITS} bits).
   *
   * @param publisher the article's publisher domain ({@link SourceReputation#publisherOf}), or null
   */
  public List<Neighbour> nearest(WordTerms.Counts c, @Nullable String publisher, int exclude) {
    return query(c, publisher, exclude, 0).neighbours();
  }

  /**
   * What the index says of an article: its neighbours (as {@link #nearest}) and its familiarity.
   *
   * @param neighbours the nearest training articles of other publishers, most similar first
   * @param familiarity the mean similarity of its {@code familiarityK} nearest training articles,
   *     whatever their publisher (0 when {@code familiarityK} is 0): how much like the training
   *     data the article is, for {@link ApplicabilityModel}
   * @param corpusShare per training corpus, its share of those nearest articles' similarity (null
   *     when the index knows no corpora or nothing is similar): which collection the article looks
   *     like
   */
  public record Query(
      List<Neighbour> neighbours, double familiarity, double @Nullable [] corpusShare) {}

  /**
   * {@link #nearest(WordTerms.Counts, String, int)} and, from the same similarities, the mean
   * similarity of the {@code familiarityK} nearest training articles of any publisher.
   */
  public Query query(
      WordTerms.Counts c, @Nullable String publisher, int exclude, int familiarityK) {
    Integer samePublisher = publisher == null ? null : publisherIndex.get(publisher);
    Vector q = vector(c.slots(), c.counts(), idf, settings.terms());
    Accumulator acc = accumulators.get();
    for (int i = 0; i < q.slots.length; i++) {
      int s = q.slots[i];
      float qw = q.weights[i];
      for (int p = start[s]; p < start[s + 1]; p++) {
        acc.add(docs[p], qw * weights[p]);
      }
    }
    if (exclude >= 0) {
      acc.remove(exclude);
    }
    int[] top = acc.top(settings.k(), publisherOf, samePublisher == null ? -2 : samePublisher);
    List<Neighbour> out = new ArrayList<>(top.length);
    for (int d : top) {
      out.add(new Neighbour(d, ids[d], fake[d] ? Label.FAKE : Label.REAL, acc.score(d), story(d)));
    }
    double familiarity = 0;
    double[] share = null;
    if (familiarityK > 0) {
      double[] byCorpus = corpora.isEmpty() ? null : new double[corpora.size()];
      // -2 is no publisher's group: every training article counts.
      for (int d : acc.top(familiarityK, publisherOf, -2)) {
        double sim = Math.max(0, acc.score(d));
        familiarity += sim;
        if (byCorpus != null && corpusOf[d] >= 0) {
          byCorpus[corpusOf[d]] += sim;
        }
      }
      double counted = byCorpus == null ? 0 : Arrays.stream(byCorpus).sum();
      if (counted > 0) {
        for (int k = 0; k < byCorpus.length; k++) {
          byCorpus[k] /= counted;
        }
        share = byCorpus;
      }
      familiarity /= familiarityK;
    }
    acc.clear();
    return new Query(out, familiarity, share);
  }

  /** The index's tables, for the model file. */
  public float[] idf() {
    return idf;
  }

  public int[] postingStarts() {
    return start;
  }

  public int[] postingDocs() {
    return docs;
  }

  public float[] postingWeights() {
    return weights;
  }

  public boolean[] labels() {
    return fake;
  }

  public @Nullable String[] ids() {
    return ids;
  }

  public List<String> publishers() {
    return publishers;
  }

  /** Per training article, its publisher's position in {@link #publishers()}, or -1. */
  public int[] publisherOf() {
    return publisherOf;
  }

  /** Per-thread similarity sums over the training articles, cleared after each query. */
  private static final class Accumulator {
    /** Sums; 0 marks an untouched article (every posting and query weight is positive). */
    private final float[] score;

    private int[] touched = new int[1024];
    private int touchedCount;

    Accumulator(int n) {
      score = new float[n];
    }

    void add(int doc, float s) {
      if (score[doc] == 0) {
        if (touchedCount == touched.length) {
          touched = Arrays.copyOf(touched, touched.length * 2);
        }
        touched[touchedCount++] = doc;
      }
      score[doc] += s;
    }

    /** Leaves a document out of {@link #top} (when touched: an untouched one is never in it). */
    void remove(int doc) {
      if (score[doc] != 0) {
        score[doc] = Float.NEGATIVE_INFINITY;
      }
    }

    double score(int doc) {
      return score[doc];
    }

    /**
     * The k touched documents with the highest scores (then lowest position), best first, leaving
     * out those whose group ({@code groupOf}) is {@code excludedGroup}.
     */
    int[] top(int k, int[] groupOf, int excludedGroup) {
      // Each candidate as one long that orders like (score, then lower position): a positive
      // float's bits order like the float. A min-heap of the k best keeps the worst at its root.
      long[] heap = new long[Math.min(k, touchedCount)];
      int size = 0;
      for (int t = 0; t < touchedCount; t++) {
        int d = touched[t];
        float sc = score[d];
        if (sc == Float.NEGATIVE_INFINITY || groupOf[d] == excludedGroup) {
          continue;
        }
        long key = ((long) Float.floatToIntBits(sc) << 32) | (Integer.MAX_VALUE - d);
        if (size < heap.length) {
          heap[size] = key;
          siftUp(heap, size++);
        } else if (size > 0 && key > heap[0]) {
          heap[0] = key;
          siftDown(heap, size);
        }
      }
      long[] best = Arrays.copyOf(heap, size);
      Arrays.sort(best);
      int[] out = new int[size];
      for (int i = 0; i < size; i++) {
        out[i] = Integer.MAX_VALUE - (int) best[size - 1 - i];
      }
      return out;
    }

    private static void siftUp(long[] h, int i) {
      while (i > 0) {
        int parent = (i - 1) / 2;
        if (h[parent] <= h[i]) {
          return;
        }
        long t = h[parent];
        h[parent] = h[i];
        h[i] = t;
        i = parent;
      }
    }

    private static void siftDown(long[] h, int size) {
      int i = 0;
      while (true) {
        int l = 2 * i + 1;
        int r = l + 1;
        int least = i;
        if (l < size && h[l] < h[least]) {
          least = l;
        }
        if (r < size && h[r] < h[least]) {
          least = r;
        }
        if (least == i) {
          return;
        }
        long t = h[least];
        h[least] = h[i];
        h[i] = t;
        i = least;
      }
    }

    void clear() {
      for (int t = 0; t < touchedCount; t++) {
        score[touched[t]] = 0;
      }
      touchedCount = 0;
    }
  }
}
