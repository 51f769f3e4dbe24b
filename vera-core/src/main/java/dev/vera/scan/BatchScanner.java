package dev.vera.scan;

import dev.vera.article.Article;
import dev.vera.model.CredibilityModel;
import dev.vera.model.ScoringOptions;
import dev.vera.model.Verdict;
import java.io.IOException;
import java.util.function.BiFunction;

/**
 * Scores every record of a scan's inputs and writes the verdicts in input order, resumably: the
 * {@link ScanPlanner} says where to start, the {@link ScanPipeline} reads and scores the records
 * ({@link RecordScorer}) and hands them back in order, {@link ScanOutput} writes and commits them,
 * and a {@link ProgressEstimate} tells the listener how far it has got.
 *
 * <p>Durability: the output is made durable, and only then recorded in the checkpoint, every {@link
 * ScanJob#commitEvery()} records or second. A resume cuts both files back to the lengths the
 * checkpoint names (dropping whatever a killed run wrote after it), skips that many records of the
 * input, and goes on; since reading and scoring are deterministic, the result is the same bytes as
 * an uninterrupted scan.
 */
public final class BatchScanner {
  private static final long PROGRESS_NANOS = 200_000_000L;

  private final ScanJob job;
  private final ScanListener listener;
  private final RecordScorer scorer;

  public BatchScanner(ScanJob job, CredibilityModel model, ScanListener listener) {
    this(job, model, listener, model::predict);
  }

  /** A scanner whose verdicts (without reasons) come from {@code predict}; tests make it fail. */
  BatchScanner(
      ScanJob job,
      CredibilityModel model,
      ScanListener listener,
      BiFunction<Article, ScoringOptions, Verdict> predict) {
    this.job = job;
    this.listener = listener;
    this.scorer = new RecordScorer(model, job.scoring(), job.reasons(), predict);
  }

  /**
   * Runs the scan to the end of its inputs.
   *
   * @throws ScanRefusedException when output would be overwritten or the checkpoint belongs to
   *     another scan (nothing has been written then)
   * @throws IOException when an input or output fails mid-scan; the checkpoint still describes
   *     durable output, so the same scan can be resumed
   */
  public ScanResult run() throws IOException, ScanRefusedException, InterruptedException {
    long start = System.nanoTime();
    Checkpoint begin = ScanPlanner.startingPoint(job);
    ScanSummary summary = new ScanSummary();
    if (begin.complete()) {
      // Resuming a finished scan: nothing to read; the summary comes from the output.
      summary.addWritten(job.output(), job.errors());
      return new ScanResult(summary, begin.records(), seconds(start));
    }
    // The new starting point is durable before any file is cut, so a kill in between resumes
    // from it rather than from a checkpoint that names bytes no longer there.
    begin.write(job.checkpoint());
    try (ScanOutput output = ScanOutput.openAt(job, begin)) {
      if (begin.records() > 0) {
        summary.addWritten(job.output(), job.errors());
      }
      ProgressEstimate estimate = ProgressEstimate.countingLinesOf(job.inputs());
      ScanPipeline<RecordScorer.Scored> pipeline =
          new ScanPipeline<>(
              job.inputs(), job.reading(), job.threads(), scorer::score, estimate::readerAt);
      long[] lastProgress = {0};
      pipeline.run(
          begin.records(),
          s -> {
            output.write(s.line(), s.failed());
            if (s.failed()) {
              summary.addFailure();
            } else {
              summary.addVerdict(s.label(), s.probability(), s.domain(), s.outside());
            }
            long now = System.nanoTime();
            if (now - lastProgress[0] >= PROGRESS_NANOS) {
              lastProgress[0] = now;
              listener.progress(
                  estimate.snapshot(
                      output.records(), begin.records(), summary.failed(), (now - start) / 1e9));
            }
          });
      output.commit(true);
      listener.progress(
          ProgressEstimate.finished(
              output.records(), begin.records(), summary.failed(), seconds(start)));
    }
    return new ScanResult(summary, begin.records(), seconds(start));
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
