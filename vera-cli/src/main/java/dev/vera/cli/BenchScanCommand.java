package dev.vera.cli;

import com.sun.management.OperatingSystemMXBean;
import dev.vera.article.Article;
import dev.vera.model.CredibilityModel;
import dev.vera.model.ProgressListener;
import dev.vera.model.ScoringOptions;
import dev.vera.scan.BatchScanner;
import dev.vera.scan.ScanJob;
import dev.vera.scan.ScanListener;
import dev.vera.scan.ScanResult;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vera bench-scan}: {@code vera scan} throughput on one thread and on all cores, beside the
 * core library's raw scoring rate (articles already in memory, {@code predict} only) measured in
 * the same run, with the ratios the scan must meet: all cores at least 1.8× one thread, and at
 * least 0.9× the raw rate on as many threads (reading, JSON and durable writing cost little).
 */
@Command(
    name = "bench-scan",
    mixinStandardHelpOptions = true,
    description = {
      "Measure vera scan's throughput (1 thread, all cores) against raw scoring in the same run.",
      "Example: vera bench-scan --data ../shared/data/gossipcop/articles.jsonl"
    })
public final class BenchScanCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ModelOption model;
  @Mixin InputOptions input;

  @Option(
      names = "--data",
      required = true,
      arity = "1..*",
      paramLabel = "PATH",
      description = "Files or directories to scan.")
  List<Path> data;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Threads for the all-cores figures (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--rounds",
      paramLabel = "N",
      description = "Timed rounds; each figure is the best of them (default: 3).")
  int rounds = 3;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CredibilityModel m = model.load();
    List<Article> articles =
        Inputs.readAll(data, input.readerOptions(err), err, ProgressListener.NONE).articles();
    if (articles.isEmpty()) {
      throw new VeraCommand.UsageException("no articles to score");
    }
    out.printf(
        Locale.ROOT,
        "bench-scan: %d articles, model %s, Java %s, %d cores, max heap %d MB%n",
        articles.size(),
        m.card().modelId(),
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    out.flush();
    Path dir = Files.createTempDirectory("vera-bench-scan");
    try {
      scan(m, dir, threads); // warm-up: JIT, page cache
      rawRate(m, articles, threads);
      // Interleaved and best-of, so that a burst of other load on the machine skews no figure.
      double raw1 = 0;
      double scan1 = 0;
      double rawN = 0;
      double scanN = 0;
      // CPU time of the whole process per article, all threads: what reading, parsing, writing
      // and hand-offs cost, whatever else the machine runs (wall-clock rates move with it).
      double rawCpu = Double.MAX_VALUE;
      double scanCpu = Double.MAX_VALUE;
      for (int r = 0; r < Math.max(1, rounds); r++) {
        raw1 = Math.max(raw1, rawRate(m, articles, 1));
        scan1 = Math.max(scan1, scan(m, dir, 1));
        long c0 = processCpuNanos();
        rawN = Math.max(rawN, rawRate(m, articles, threads));
        long c1 = processCpuNanos();
        scanN = Math.max(scanN, scan(m, dir, threads));
        long c2 = processCpuNanos();
        rawCpu = Math.min(rawCpu, (c1 - c0) / 1e3 / articles.size());
        scanCpu = Math.min(scanCpu, (c2 - c1) / 1e3 / articles.size());
      }
      out.printf(
          Locale.ROOT, "raw scoring (predict, in memory), 1 thread:  %8.0f articles/s%n", raw1);
      out.printf(
          Locale.ROOT,
          "raw scoring (predict, in memory), %d threads: %8.0f articles/s%n",
          threads,
          rawN);
      out.printf(
          Locale.ROOT,
          "vera scan, 1 thread:                         %8.0f articles/s  (%.2f× raw 1 thread)%n",
          scan1,
          scan1 / raw1);
      out.printf(
          Locale.ROOT,
          "vera scan, %d threads:                        %8.0f articles/s  (%.2f× raw %d threads)%n",
          threads,
          scanN,
          scanN / rawN,
          threads);
      if (rawCpu > 0 && scanCpu > 0) {
        out.printf(
            Locale.ROOT,
            "CPU per article, %d threads (whole process): raw %.0f µs, scan %.0f µs; scan's CPU"
                + " rate %.2f× raw%n",
            threads,
            rawCpu,
            scanCpu,
            rawCpu / scanCpu);
      }
      out.printf(
          Locale.ROOT,
          "bars: %d threads / 1 thread = %.2f× (bar ≥ 1.8×: %s); scan / raw = %.2f× (bar ≥ 0.9×: %s)%n",
          threads,
          scanN / scan1,
          scanN / scan1 >= 1.8 ? "met" : "NOT met",
          scanN / rawN,
          scanN / rawN >= 0.9 ? "met" : "NOT met");
      out.flush();
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
    return VeraCommand.EXIT_OK;
  }

  /** Articles per second of a whole scan of the data, durable output and checkpoints included. */
  private double scan(CredibilityModel m, Path dir, int nThreads) throws Exception {
    Path output = dir.resolve("results.jsonl");
    ScanJob job =
        new ScanJob(
            data,
            input.readerOptions(spec.commandLine().getErr()),
            ScoringOptions.DEFAULT,
            false,
            new ScanJob.ModelIdentity(m.card().modelId(), "bench"),
            output,
            ScanJob.errorsBeside(output),
            ScanJob.checkpointBeside(output),
            nThreads,
            false,
            true,
            ScanJob.DEFAULT_COMMIT_EVERY);
    ScanResult r = new BatchScanner(job, m, ScanListener.NONE).run();
    return r.scannedNow() / r.seconds();
  }

  /** CPU time of this process so far (all threads), or -1 where the JVM does not tell. */
  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /** Articles per second of {@code predict} alone over articles in memory. */
  private static double rawRate(CredibilityModel m, List<Article> articles, int nThreads)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(nThreads);
    try {
      long t = System.nanoTime();
      AtomicInteger next = new AtomicInteger();
      List<Future<Double>> parts = new ArrayList<>();
      for (int i = 0; i < nThreads; i++) {
        parts.add(
            pool.submit(
                () -> {
                  double sink = 0;
                  for (int k = next.getAndIncrement();
                      k < articles.size();
                      k = next.getAndIncrement()) {
                    sink += m.predict(articles.get(k), ScoringOptions.DEFAULT).probabilityFake();
                  }
                  return sink;
                }));
      }
      for (Future<Double> f : parts) {
        f.get();
      }
      return articles.size() / ((System.nanoTime() - t) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }
}
