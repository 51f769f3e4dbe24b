package dev.vera.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.article.Article;
import dev.vera.testing.FixtureCorpus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TextVectorizerTest {
  /** "the" is in every body, "today" in three, "quokka" in one. */
  private static final List<Article> DOCS =
      List.of(
          Article.of("Star quits show", "The star quits the show today. Fans are sad."),
          Article.of(
              "Court rules on case",
              "The court ruled today on the case. A judge said the ruling stands."),
          Article.of(
              "SHOCKING secret revealed!",
              "The insider allegedly revealed the secret. Zebra xylophone quokka!!"),
          Article.of("Band announces tour?", "The band announced a tour of the world today."),
          Article.of(
              "Storm warning issued",
              "The storm hit the coast. \"Stay inside,\" residents were told!"));

  private static final List<FeatureSpace> ALL = List.of(FeatureSpace.values());

  private static List<Article> train;
  private static List<Article> corpus;
  private static TextVectorizer fixtureVectorizer;

  @BeforeAll
  static void fitFixture() {
    corpus = FixtureCorpus.articles();
    train = FixtureCorpus.part(corpus, "train");
    fixtureVectorizer =
        TextVectorizer.fit(new FeatureConfig(18, ALL, 2, 3, 5, 2, true), train, i -> {});
  }

  @AfterAll
  static void release() {
    train = null;
    corpus = null;
    fixtureVectorizer = null;
  }

  private static int seedOf(FeatureSpace s) {
    return s.ordinal() + 1;
  }

  private static int slot(String term, FeatureSpace space, int hashBits) {
    return TermHash.hash(term, seedOf(space)) & ((1 << hashBits) - 1);
  }

  /** The term strings of one space of an article, one entry per occurrence. */
  private static List<String> termsOf(FeatureConfig c, FeatureSpace space, Article a) {
    List<String> out = new ArrayList<>();
    TermGenerator g = new TermGenerator(c.wordMaxGram(), c.charMinGram(), c.charMaxGram());
    boolean words = space.kind() == FeatureSpace.Kind.WORDS;
    g.generate(
        space.textOf(a),
        words ? seedOf(space) : -1,
        words ? -1 : seedOf(space),
        (kind, hash, buf, off, len, start, end) -> out.add(new String(buf, off, len)));
    return out;
  }

  /** Slot -> the distinct term strings of the corpus that hash there, for one space. */
  private static Map<Integer, Set<String>> slotOwners(
      FeatureConfig c, FeatureSpace space, List<Article> docs) {
    Map<Integer, Set<String>> owners = new HashMap<>();
    for (Article a : docs) {
      for (String t : termsOf(c, space, a)) {
        owners.computeIfAbsent(slot(t, space, c.hashBits()), k -> new HashSet<>()).add(t);
      }
    }
    return owners;
  }

  private static void assertOwnSlot(Map<Integer, Set<String>> owners, String term, int slot) {
    assertEquals(
        Set.of(term), owners.get(slot), "test precondition: '" + term + "' shares its slot");
  }

  // ---------------------------------------------------------------- idf

  @Test
  void idfOfSingleSpace() {
    FeatureConfig c = new FeatureConfig(18, List.of(FeatureSpace.BODY_WORDS), 2, 3, 5, 2, false);
    List<Integer> progress = new ArrayList<>();
    TextVectorizer v = TextVectorizer.fit(c, DOCS, progress::add);
    assertEquals(List.of(1, 2, 3, 4, 5), progress);
    float[] idf = v.idf();
    assertEquals(c.hashSize(), idf.length);
    Map<Integer, Set<String>> owners = slotOwners(c, FeatureSpace.BODY_WORDS, DOCS);

    // In every document: ln((1+5)/(1+5)) + 1 = 1, whatever else shares the slot.
    assertEquals(1f, idf[slot("the", FeatureSpace.BODY_WORDS, 18)]);
    int today = slot("today", FeatureSpace.BODY_WORDS, 18);
    assertOwnSlot(owners, "today", today);
    assertEquals((float) (Math.log(6.0 / 4.0) + 1), idf[today]);
    // Below minDf 2: not kept.
    int quokka = slot("quokka", FeatureSpace.BODY_WORDS, 18);
    assertOwnSlot(owners, "quokka", quokka);
    assertEquals(0f, idf[quokka]);
    int bigram = slot("xylophone quokka", FeatureSpace.BODY_WORDS, 18);
    assertOwnSlot(owners, "xylophone quokka", bigram);
    assertEquals(0f, idf[bigram]);
    // The title is not read by a body space.
    int court = slot("court", FeatureSpace.BODY_WORDS, 18);
    assertOwnSlot(owners, "court", court);
    assertEquals(0f, idf[court]);
  }

  /** The whole table against an independent count of documents per slot. */
  @Test
  void idfTableMatchesDocumentFrequencies() {
    for (FeatureSpace space : ALL) {
      for (int minDf : new int[] {1, 2, 3}) {
        FeatureConfig c = new FeatureConfig(12, List.of(space), 2, 3, 5, minDf, false);
        TextVectorizer v = TextVectorizer.fit(c, DOCS, i -> {});
        int[] df = new int[c.hashSize()];
        for (Article a : DOCS) {
          Set<Integer> slots = new HashSet<>();
          for (String t : termsOf(c, space, a)) {
            slots.add(slot(t, space, c.hashBits()));
          }
          slots.forEach(s -> df[s]++);
        }
        float[] expected = new float[c.hashSize()];
        int kept = 0;
        for (int i = 0; i < df.length; i++) {
          if (df[i] >= minDf) {
            expected[i] = (float) (Math.log(6.0 / (1 + df[i])) + 1);
            kept++;
          }
        }
        assertArrayEquals(expected, v.idf(), space + " minDf " + minDf);
        assertEquals(kept, v.keptSlots());
      }
    }
  }

  /**
   * Document frequency should count documents. The spaces share one table, and fit counts a slot
   * once per space that touches it in a document, so a slot shared by a title word and a body word
   * of the same article gets df 2 from one document.
   */
  @Test
  void documentFrequencyCountsEachDocumentOnce() {
    FeatureConfig c =
        new FeatureConfig(
            10, List.of(FeatureSpace.TITLE_WORDS, FeatureSpace.BODY_WORDS), 1, 3, 5, 1, false);
    int s = slot("juliet", FeatureSpace.TITLE_WORDS, 10);
    assertEquals(s, slot("lima", FeatureSpace.BODY_WORDS, 10), "test precondition");
    TextVectorizer one = TextVectorizer.fit(c, List.of(Article.of("juliet", "lima")), i -> {});
    // n = 1, df = 1: ln(2/2) + 1. Actual: df 2 gives ln(2/3) + 1 = 0.59.
    assertEquals(1f, one.idf()[s]);
  }

  // ---------------------------------------------------------------- vectorize

  @Test
  void vectorizeMatchesAnIndependentComputation() {
    for (FeatureConfig c :
        List.of(
            new FeatureConfig(18, ALL, 2, 3, 5, 2, true),
            new FeatureConfig(10, ALL, 3, 2, 4, 1, true),
            new FeatureConfig(10, ALL, 2, 3, 5, 1, true)
                .withWeight(FeatureSpace.TITLE_WORDS, 0.7)
                .withWeight(FeatureSpace.BODY_CHARS, 2.5),
            new FeatureConfig(14, List.of(FeatureSpace.TITLE_CHARS), 1, 3, 3, 1, false))) {
      TextVectorizer v = TextVectorizer.fit(c, DOCS, i -> {});
      List<Article> articles = new ArrayList<>(DOCS);
      articles.add(Article.of("Today the star", "Unseen words only"));
      articles.add(Article.of("", ""));
      for (Article a : articles) {
        SparseVector x = v.vectorize(a);
        TreeMap<Integer, Double> expected = expectedVector(v, a);
        assertArrayEquals(
            expected.keySet().stream().mapToInt(Integer::intValue).toArray(),
            x.indices(),
            c + " " + a);
        int i = 0;
        for (double e : expected.values()) {
          assertEquals(e, x.values()[i++], 1e-6, c + " " + a);
        }
      }
    }
  }

  /**
   * Per space: (1 + ln tf) * idf over kept slots, L2-normalized, times the space's weight; spaces
   * summed; then style.
   */
  private static TreeMap<Integer, Double> expectedVector(TextVectorizer v, Article a) {
    FeatureConfig c = v.config();
    TreeMap<Integer, Double> out = new TreeMap<>();
    for (FeatureSpace space : c.spaces()) {
      Map<Integer, Integer> counts = new HashMap<>();
      for (String t : termsOf(c, space, a)) {
        counts.merge(slot(t, space, c.hashBits()), 1, Integer::sum);
      }
      Map<Integer, Double> w = new HashMap<>();
      double sq = 0;
      for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
        float idf = v.idf()[e.getKey()];
        if (idf != 0) {
          double x = (1 + Math.log(e.getValue())) * idf;
          w.put(e.getKey(), x);
          sq += x * x;
        }
      }
      double norm = Math.sqrt(sq);
      double weight = c.weight(space);
      w.forEach((k, x) -> out.merge(k, weight * x / norm, Double::sum));
    }
    if (c.style()) {
      double[] st = StyleFeatures.compute(a);
      for (int i = 0; i < st.length; i++) {
        double z = (st[i] - v.styleMean()[i]) / v.styleScale()[i];
        out.put(
            c.hashSize() + i,
            Math.max(-TextVectorizer.STYLE_CLIP, Math.min(TextVectorizer.STYLE_CLIP, z)));
      }
    }
    return out;
  }

  @Test
  void indicesAreStrictlyAscendingAndInRange() {
    // hashBits 10: the four spaces collide a lot, so merged slots are exercised.
    TextVectorizer small =
        TextVectorizer.fit(new FeatureConfig(10, ALL, 2, 3, 5, 1, true), train, i -> {});
    for (TextVectorizer v : List.of(small, fixtureVectorizer)) {
      for (Article a : corpus) {
        SparseVector x = v.vectorize(a);
        int[] idx = x.indices();
        for (int i = 0; i < idx.length; i++) {
          assertTrue(idx[i] >= 0 && idx[i] < v.config().dimension());
          assertTrue(i == 0 || idx[i] > idx[i - 1], "not strictly ascending at " + i);
          assertFalse(Float.isNaN(x.values()[i]) || Float.isInfinite(x.values()[i]));
        }
      }
    }
  }

  @Test
  void singleSpaceBlockHasUnitNorm() {
    for (FeatureSpace space : ALL) {
      FeatureConfig c = new FeatureConfig(18, List.of(space), 2, 3, 5, 1, true);
      TextVectorizer v = TextVectorizer.fit(c, DOCS, i -> {});
      for (Article a : DOCS) {
        SparseVector x = v.vectorize(a);
        double sq = 0;
        int hashed = 0;
        for (int i = 0; i < x.size(); i++) {
          if (x.indices()[i] < c.hashSize()) {
            sq += (double) x.values()[i] * x.values()[i];
            hashed++;
            assertTrue(x.values()[i] > 0);
          }
        }
        assertTrue(hashed > 0);
        assertEquals(1.0, Math.sqrt(sq), 1e-5, space + " " + a);
        assertEquals(x.size() - hashed, StyleFeatures.NAMES.size());
      }
      // Nothing kept: an empty hashed block, not NaN.
      SparseVector unseen = v.vectorize(Article.of("qqq zzz", "qqqq zzzz"));
      for (int i = 0; i < unseen.size(); i++) {
        assertTrue(unseen.indices()[i] >= c.hashSize(), "unexpected slot " + unseen.indices()[i]);
      }
    }
  }

  @Test
  void styleFeaturesAreStandardizedAtTheEnd() {
    FeatureConfig c = fixtureVectorizer.config();
    int styles = StyleFeatures.NAMES.size();
    double[] sum = new double[styles];
    double[] sumSq = new double[styles];
    double[] rawSum = new double[styles];
    for (Article a : train) {
      SparseVector x = fixtureVectorizer.vectorize(a);
      double[] st = fixtureVectorizer.standardizedStyle(a);
      double[] raw = StyleFeatures.compute(a);
      int base = x.size() - styles;
      for (int i = 0; i < styles; i++) {
        assertEquals(c.hashSize() + i, x.indices()[base + i]);
        assertEquals((float) st[i], x.values()[base + i]);
        rawSum[i] += raw[i];
        // Before clipping, the training values are standardized exactly.
        double z = (raw[i] - fixtureVectorizer.styleMean()[i]) / fixtureVectorizer.styleScale()[i];
        assertEquals(
            Math.max(-TextVectorizer.STYLE_CLIP, Math.min(TextVectorizer.STYLE_CLIP, z)),
            st[i],
            1e-12);
        sum[i] += z;
        sumSq[i] += z * z;
      }
    }
    int n = train.size();
    for (int i = 0; i < styles; i++) {
      String name = StyleFeatures.NAMES.get(i);
      assertEquals(rawSum[i] / n, fixtureVectorizer.styleMean()[i], 1e-9, name);
      assertEquals(0.0, sum[i] / n, 1e-9, "training mean of " + name);
      double var = sumSq[i] / n;
      // Unit variance, or 0 for a feature constant in training (scale 1).
      assertTrue(Math.abs(var - 1) < 1e-6 || var < 1e-12, name + " variance " + var);
    }
    // A constant feature gets scale 1, so it passes through as (x - mean).
    TextVectorizer v =
        TextVectorizer.fit(
            new FeatureConfig(12, ALL, 2, 3, 5, 1, true),
            List.of(Article.of("Same", "same body"), Article.of("Same", "same body")),
            i -> {});
    assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, v.styleScale(), 0.0);
    // title_words: 3 against a training mean of 1.
    assertEquals(2.0, v.standardizedStyle(Article.of("Same words here", "same body"))[9], 1e-12);
    // title_words: 20 would stand 19 deviations out; it is clipped to the limit.
    assertEquals(
        TextVectorizer.STYLE_CLIP,
        v.standardizedStyle(Article.of("a b c d e f g h i j k l m n o p q r s t", "same body"))[9],
        1e-12);
    TextVectorizer noStyle =
        new TextVectorizer(
            new FeatureConfig(10, ALL, 2, 3, 5, 1, false),
            new float[1024],
            new double[10],
            new double[10]);
    assertEquals(0, noStyle.standardizedStyle(DOCS.get(0)).length);
  }

  @Test
  void constructorChecksTheIdfTable() {
    FeatureConfig c = new FeatureConfig(10, ALL, 2, 3, 5, 1, true);
    assertEquals(
        "idf table has 1000 slots, config says 1024",
        assertThrows(
                IllegalArgumentException.class,
                () -> new TextVectorizer(c, new float[1000], new double[10], new double[10]))
            .getMessage());
  }

  // ---------------------------------------------------------------- dot and contributions

  private static float[] randomWeights(int dimension, long seed) {
    Random r = new Random(seed);
    float[] w = new float[dimension];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) r.nextGaussian();
    }
    return w;
  }

  @Test
  void dotEqualsSparseDotOfVectorize() {
    TextVectorizer small =
        TextVectorizer.fit(new FeatureConfig(10, ALL, 2, 3, 5, 1, true), train, i -> {});
    TextVectorizer titles =
        TextVectorizer.fit(
            new FeatureConfig(16, List.of(FeatureSpace.TITLE_WORDS), 1, 3, 5, 1, false),
            train,
            i -> {});
    TextVectorizer weighted =
        TextVectorizer.fit(
            new FeatureConfig(10, ALL, 2, 3, 5, 1, true)
                .withWeight(FeatureSpace.TITLE_CHARS, 0.5)
                .withWeight(FeatureSpace.BODY_WORDS, 1.5),
            train,
            i -> {});
    for (TextVectorizer v : List.of(fixtureVectorizer, small, titles, weighted)) {
      for (long seed = 1; seed <= 3; seed++) {
        float[] w = randomWeights(v.config().dimension(), seed);
        for (Article a : corpus) {
          SparseVector x = v.vectorize(a);
          double sparse = 0;
          double scale = 0;
          for (int i = 0; i < x.size(); i++) {
            double p = (double) x.values()[i] * w[x.indices()[i]];
            sparse += p;
            scale += Math.abs(p);
          }
          double dot = v.dot(a, w);
          assertEquals(sparse, dot, 1e-5 * Math.max(1, scale), v.config() + " " + a.id());
        }
      }
    }
  }

  @Test
  void contributionsSumToTheTextPartOfTheDot() {
    TextVectorizer small =
        TextVectorizer.fit(new FeatureConfig(10, ALL, 2, 3, 5, 1, true), train, i -> {});
    TextVectorizer bodies =
        TextVectorizer.fit(
            new FeatureConfig(
                16, List.of(FeatureSpace.BODY_WORDS, FeatureSpace.BODY_CHARS), 3, 2, 4, 2, false),
            train,
            i -> {});
    TextVectorizer weighted =
        TextVectorizer.fit(
            new FeatureConfig(10, ALL, 2, 3, 5, 1, true)
                .withWeight(FeatureSpace.TITLE_WORDS, 0.7)
                .withWeight(FeatureSpace.BODY_CHARS, 0.3),
            train,
            i -> {});
    for (TextVectorizer v : List.of(fixtureVectorizer, small, bodies, weighted)) {
      FeatureConfig c = v.config();
      int mask = c.hashSize() - 1;
      float[] w = randomWeights(c.dimension(), 7);
      for (Article a : corpus.subList(0, 60)) {
        double[] sum = new double[1];
        v.visitContributions(
            a,
            w,
            (space, term, start, end, share) -> {
              assertTrue(c.spaces().contains(space), space.toString());
              int s = TermHash.hash(term, seedOf(space)) & mask;
              assertTrue(v.idf()[s] != 0, "dropped term visited: " + term);
              String t = term.toString();
              String text = space.textOf(a);
              assertTrue(0 <= start && start < end && end <= text.length());
              if (space.kind() == FeatureSpace.Kind.WORDS && !t.contains(" ")) {
                assertEquals(text.substring(start, end).toLowerCase(Locale.ROOT), t);
              }
              sum[0] += share;
            });
        double style = 0;
        double[] st = v.standardizedStyle(a);
        for (int i = 0; i < st.length; i++) {
          style += st[i] * w[c.hashSize() + i];
        }
        double dot = v.dot(a, w);
        assertEquals(dot - style, sum[0], 1e-6 * Math.max(1, Math.abs(dot)), c + " " + a.id());
      }
    }
  }

  /** Each occurrence of a repeated term gets an equal share. */
  @Test
  void repeatedTermSharesAreEqual() {
    FeatureConfig c = new FeatureConfig(18, List.of(FeatureSpace.BODY_WORDS), 1, 3, 5, 1, false);
    TextVectorizer v = TextVectorizer.fit(c, DOCS, i -> {});
    float[] w = randomWeights(c.dimension(), 11);
    List<double[]> the = new ArrayList<>();
    v.visitContributions(
        DOCS.get(0),
        w,
        (space, term, start, end, share) -> {
          if (term.toString().equals("the")) {
            the.add(new double[] {start, share});
          }
        });
    assertEquals(2, the.size());
    assertEquals(0, the.get(0)[0]);
    assertEquals(15, the.get(1)[0]);
    assertEquals(the.get(0)[1], the.get(1)[1], 0.0);
  }

  // ---------------------------------------------------------------- threads

  @Test
  void concurrentScoringGivesTheSingleThreadValues() throws Exception {
    TextVectorizer v = fixtureVectorizer;
    float[] w = randomWeights(v.config().dimension(), 5);
    int n = corpus.size();
    double[] dots = new double[n];
    SparseVector[] vectors = new SparseVector[n];
    for (int i = 0; i < n; i++) {
      dots[i] = v.dot(corpus.get(i), w);
      vectors[i] = v.vectorize(corpus.get(i));
    }
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CyclicBarrier start = new CyclicBarrier(threads);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          order.add(i);
        }
        Collections.shuffle(order, new Random(t));
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int round = 0; round < 2; round++) {
                    for (int i : order) {
                      Article a = corpus.get(i);
                      assertEquals(dots[i], v.dot(a, w), 0.0, "dot of article " + i);
                      SparseVector x = v.vectorize(a);
                      assertArrayEquals(vectors[i].indices(), x.indices(), "article " + i);
                      assertArrayEquals(vectors[i].values(), x.values(), 0f, "article " + i);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        assertNotNull(f);
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void fitOnNothing() {
    TextVectorizer v =
        TextVectorizer.fit(new FeatureConfig(10, ALL, 2, 3, 5, 1, true), List.of(), i -> {});
    assertEquals(0, v.keptSlots());
    assertTrue(Arrays.stream(v.styleMean()).allMatch(m -> m == 0));
    SparseVector x = v.vectorize(DOCS.get(0));
    assertEquals(StyleFeatures.NAMES.size(), x.size());
  }
}
