package dev.vera.text;

import dev.vera.article.Article;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The words of an article's title and body together (the {@link WordAnalyzer} stream), hashed into
 * slots of their own and counted: the vocabulary of "what is this story about" that finds similar
 * articles, kept apart from the text model's feature spaces. The scoring path counts them in the
 * same pass over the token stream as the text features ({@link TextVectorizer#dot(Article, float[],
 * WordTerms)}); {@link #count(Article)} makes a pass of its own. One instance per thread.
 */
public final class WordTerms {
  /**
   * The hashing seed: after the seeds of the {@link FeatureSpace}s (1..4), so never one of them.
   */
  static final int SEED = FeatureSpace.values().length + 1;

  private static final ThreadLocal<WordTerms[]> PER_THREAD =
      ThreadLocal.withInitial(() -> new WordTerms[25]);

  private final TermGenerator generator = new TermGenerator(1, 1, 1);
  private final SlotCounter counter = new SlotCounter();
  private final int mask;
  private final IntConsumer adder;

  /** Slots present (distinct) and how often each occurred. */
  public record Counts(int[] slots, int[] counts) {}

  /**
   * @param bits slots are {@code 0 .. 2^bits - 1}
   */
  public WordTerms(int bits) {
    if (bits < 10 || bits > 24) {
      throw new IllegalArgumentException("bits must be 10..24, was " + bits);
    }
    this.mask = (1 << bits) - 1;
    this.adder = hash -> counter.add(hash & mask);
  }

  /** This thread's instance for {@code bits}. */
  public static WordTerms forThread(int bits) {
    WordTerms[] mine = PER_THREAD.get();
    if (mine[bits] == null) {
      mine[bits] = new WordTerms(bits);
    }
    return mine[bits];
  }

  /** Counts the words of the title and the body in a pass of its own. */
  public Counts count(Article article) {
    generator.generate(article.title(), -1, -1, SEED, adder, (k, h, b, o, l, s, e) -> {});
    generator.generate(article.text(), -1, -1, SEED, adder, (k, h, b, o, l, s, e) -> {});
    return take();
  }

  /** Counts one word hash (from a generator's pass with {@link #SEED}). */
  IntConsumer adder() {
    return adder;
  }

  /** How much this instance's count table holds on to between articles. */
  int scratchCapacity() {
    return counter.capacity();
  }

  /** The words counted since the last call, which starts the next count afresh. */
  public Counts take() {
    counter.finish();
    int n = counter.touchedCount;
    Counts c = new Counts(Arrays.copyOf(counter.touched, n), Arrays.copyOf(counter.counts, n));
    counter.clear();
    return c;
  }
}
