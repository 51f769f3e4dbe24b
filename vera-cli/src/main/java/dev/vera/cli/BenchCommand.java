package dev.vera.cli;

import dev.vera.article.Article;
import dev.vera.experiment.Splits;
import dev.vera.model.CredibilityModel;
import dev.vera.model.LinearTrainer;
import dev.vera.model.ProgressListener;
import dev.vera.model.ScoringOptions;
import dev.vera.model.TrainingConfig;
import dev.vera.model.TrainingSet;
import dev.vera.text.FeatureSpace;
import dev.vera.text.WordAnalyzer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vera bench}: scoring throughput on one core and on all cores, model load time and
 * (optionally) training time, with a baseline measured in the same run: the Lucene word
 * tokenization of the same articles, the least any text scorer must do.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure scoring throughput (articles/s on 1 core and on all cores), model load time and,"
          + " with --train, training time, on the test part of a labelled corpus.",
      "Example: vera bench --data ../shared/data/gossipcop/articles.jsonl --split-field split"
    })
public final class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ModelOption model;
  @Mixin InputOptions input;

  @Option(
      names = "--data",
      required = true,
      arity = "1..*",
      paramLabel = "PATH",
      description = "Articles to score.")
  List<Path> data;

  @Option(
      names = "--split-field",
      paramLabel = "FIELD",
      description = "Score only FIELD=test (default: all articles).")
  @Nullable String splitField;

  @Option(
      names = "--rounds",
      paramLabel = "N",
      description = "Timed passes over the articles (default: 3).")
  int rounds = 3;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Threads for the all-cores figure (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--train",
      description = "Also time training a model on FIELD=train with the default settings.")
  boolean train;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Score only the first N articles (for slow models; default: all).")
  int limit = Integer.MAX_VALUE;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long t0 = System.nanoTime();
    CredibilityModel m = model.load();
    double firstLoad = (System.nanoTime() - t0) / 1e9;
    double warmLoad = Double.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long t = System.nanoTime();
      model.load();
      warmLoad = Math.min(warmLoad, (System.nanoTime() - t) / 1e9);
    }
    Inputs.Loaded loaded =
        Inputs.readAll(data, input.readerOptions(err), err, ProgressListener.NONE);
    List<Article> all = loaded.articles();
    List<Article> articles = splitField == null ? all : Splits.part(all, splitField, "test");
    articles = articles.subList(0, Math.min(articles.size(), Math.max(1, limit)));
    if (articles.isEmpty()) {
      throw new VeraCommand.UsageException("no articles to score");
    }
    long chars = articles.stream().mapToLong(a -> a.title().length() + a.text().length()).sum();
    out.printf(
        Locale.ROOT,
        "bench: %d articles (mean %.0f chars), model %s, Java %s, %d cores, max heap %d MB%n",
        articles.size(),
        (double) chars / articles.size(),
        m.card().modelId(),
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    out.printf(
        Locale.ROOT, "model load: first %.3f s (cold JVM), warm %.3f s%n", firstLoad, warmLoad);
    out.flush();

    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    Analyzer words = new WordAnalyzer();
    double baseline = rate(articles, 1, a -> tokenize(words, a));
    double linear = rate(articles, 1, m::rawScore);
    double one = rate(articles, 1, a -> m.predict(a, ScoringOptions.DEFAULT).probabilityFake());
    double many =
        rate(articles, threads, a -> m.predict(a, ScoringOptions.DEFAULT).probabilityFake());
    double explained =
        rate(
            articles,
            1,
            a -> m.explain(a, ScoringOptions.DEFAULT, 5, false).verdict().probabilityFake());
    out.printf(
        Locale.ROOT,
        "baseline (Lucene word tokenization only), 1 thread: %8.0f articles/s%n",
        baseline);
    out.printf(
        Locale.ROOT,
        "linear score alone (no neighbours), 1 thread:      %8.0f articles/s  (%.2f× baseline)%n",
        linear,
        linear / baseline);
    out.printf(
        Locale.ROOT,
        "scoring, 1 thread:                                 %8.0f articles/s  (%.2f× baseline, %.2f× linear alone)%n",
        one,
        one / baseline,
        one / linear);
    out.printf(
        Locale.ROOT,
        "scoring, %d threads:                                %8.0f articles/s  (%.2f× 1 thread)%n",
        threads,
        many,
        many / one);
    out.printf(
        Locale.ROOT,
        "scoring with reasons (vera check), 1 thread:       %8.0f articles/s%n",
        explained);
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    // Pools peak at different moments, so their sum bounds the heap's peak from above.
    out.printf(
        Locale.ROOT, "peak heap while scoring (sum of the pools' peaks): %d MB%n", peak >> 20);
    out.flush();
    if (train) {
      if (splitField == null) {
        throw new VeraCommand.UsageException("--train needs --split-field");
      }
      TrainingSet set = Splits.byField(all, splitField, List.of());
      long ts = System.nanoTime();
      new LinearTrainer(TrainingConfig.defaults(), ProcessTrainingEnvironment.current())
          .train(
              new TrainingSet(set.train(), set.valid(), List.of(), List.of(), splitField),
              ProgressListener.NONE);
      out.printf(
          Locale.ROOT,
          "training (default settings, %d C values) on %d articles: %.1f s%n",
          TrainingConfig.defaults().cGrid().size(),
          set.train().size(),
          (System.nanoTime() - ts) / 1e9);
    }
    out.flush();
    return VeraCommand.EXIT_OK;
  }

  /** Articles per second over {@code rounds} timed passes after one warm-up pass. */
  private double rate(List<Article> articles, int nThreads, ToDoubleFunction<Article> work)
      throws Exception {
    pass(articles, nThreads, work);
    long t = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      pass(articles, nThreads, work);
    }
    return (double) articles.size() * rounds / ((System.nanoTime() - t) / 1e9);
  }

  private static double pass(List<Article> articles, int nThreads, ToDoubleFunction<Article> work)
      throws Exception {
    if (nThreads == 1) {
      double sink = 0;
      for (Article a : articles) {
        sink += work.applyAsDouble(a);
      }
      return sink;
    }
    ExecutorService pool = Executors.newFixedThreadPool(nThreads);
    try {
      AtomicLong next = new AtomicLong();
      List<Future<Double>> futures = new ArrayList<>();
      for (int t = 0; t < nThreads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  double sink = 0;
                  for (long i = next.getAndIncrement();
                      i < articles.size();
                      i = next.getAndIncrement()) {
                    sink += work.applyAsDouble(articles.get((int) i));
                  }
                  return sink;
                }));
      }
      double sink = 0;
      for (Future<Double> f : futures) {
        sink += f.get();
      }
      return sink;
    } finally {
      pool.shutdownNow();
    }
  }

  private static double tokenize(Analyzer analyzer, Article a) {
    int n = 0;
    for (String text : new String[] {a.title(), a.text()}) {
      try (TokenStream ts = analyzer.tokenStream(FeatureSpace.BODY_WORDS.wireName(), text)) {
        ts.reset();
        while (ts.incrementToken()) {
          n++;
        }
        ts.end();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return n;
  }
}
