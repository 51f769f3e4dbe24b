package dev.vera.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.article.Label;
import dev.vera.article.Article;
import dev.vera.io.ArticleInputs;
import dev.vera.io.OutputFiles;
import dev.vera.io.ArticleReader;
import dev.vera.io.PendingRecord;
import dev.vera.io.ReadOutcome;
import dev.vera.model.CredibilityModel;
import dev.vera.model.ScoringException;
import dev.vera.model.ScoringOptions;
import dev.vera.model.Explanation;
import dev.vera.model.Verdict;
import dev.vera.output.VerdictJson;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Scores every record of a scan's inputs and writes the verdicts in input order, resumably.
 *
 * <p>Three kinds of thread: one reader walks the inputs in order, splitting them into records
 * (decoded lines; see {@link PendingRecord}) without parsing them, and hands them, a few
 * consecutive records at a time, to a pool of scorers, which parse and score them, putting the
 * pending results in a bounded queue in input order; the writer (the caller's thread) takes results from that queue in order, sends the
 * record's reading warnings (so that they come out as when reading in one thread), and writes it,
 * so the output order never depends on which scorer finishes first, and memory holds at most the
 * queue's records. Reading runs ahead of writing by at most the queue's capacity.
 *
 * <p>Durability: every {@link ScanJob#commitEvery()} records or second, the writer flushes both
 * files, forces them to disk, and only then replaces the checkpoint (atomically) with the number
 * of records written and both files' lengths. A resume cuts both files back to those lengths
 * (dropping whatever a killed run wrote after its last checkpoint), skips that many records of
 * the input, and goes on; since reading and scoring are deterministic, the result is the same
 * bytes as an uninterrupted scan.
 */
public final class BatchScanner {
  private static final long COMMIT_NANOS = 1_000_000_000L;
  private static final long PROGRESS_NANOS = 200_000_000L;
  private static final int TOP_REASONS = 5;
  /**
   * Characters of article text in flight between the reader and the writer (about 64 MB): with
   * the queue's record bound, memory stays flat however large the articles or the input.
   */
  private static final int IN_FLIGHT_CHARS = 32 << 20;
  /** Places in the reader's window given back at a time (the window holds at least 4096). */
  private static final int PLACES_BATCH = 64;
  /**
   * Records handed to a scorer as one task. One task per record cost a future, a queue hand-off
   * and often a thread wake-up per article: on two cores, a few percent of the scan.
   */
  private static final int TASK_RECORDS = 16;

  private final ScanJob job;
  private final BiFunction<Article, ScoringOptions, Verdict> predict;
  private final CredibilityModel model;
  private final ScanListener listener;
  private final ObjectMapper json = VerdictJson.mapper();

  /** How far the reader has got: records read and lines of all inputs (-1 while unknown). */
  private record ReadPosition(long records, long lines) {}

  private volatile ReadPosition read = new ReadPosition(0, -1);
  /** Lines of every input file, or null while counting or when some input is compressed. */
  private volatile @Nullable Map<String, Long> lineCounts;
  private volatile long totalLines = -1;

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
    this.model = model;
    this.listener = listener;
    this.predict = predict;
  }

  /** One record's result, ready to write. */
  private record Scored(
      PendingRecord record,
      byte[] line,
      boolean failed,
      @Nullable Label label,
      double probability,
      @Nullable String domain,
      @Nullable Boolean outside,
      int chars) {}

  private final Semaphore inFlight = new Semaphore(IN_FLIGHT_CHARS);

  private static final Future<Scored[]> END = CompletableFuture.completedFuture(null);

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
    for (Path input : job.inputs()) {
      if (!InputFiles.rereadable(input)) {
        throw new ScanRefusedException(
            input
                + " is not a regular file or a directory (a pipe?): scan must be able to read its"
                + " inputs again to resume; save it to a file first, or use vera check --format"
                + " jsonl for a stream");
      }
    }
    JsonNode identity = ScanIdentity.of(job);
    Checkpoint begin = startingPoint(identity);
    ScanSummary summary = new ScanSummary();
    if (begin.complete()) {
      // Resuming a finished scan: nothing to read; the summary comes from the output.
      rebuild(summary);
      return new ScanResult(summary, begin.records(), (System.nanoTime() - start) / 1e9);
    }
    // The new starting point is durable before any file is cut, so a kill in between resumes
    // from it rather than from a checkpoint that names bytes no longer there.
    begin.write(job.checkpoint());
    try (FileChannel out = openAt(job.output(), begin.outputBytes());
        FileChannel err = openAt(job.errors(), begin.errorBytes())) {
      if (begin.records() > 0) {
        rebuild(summary);
      }
      countLinesInBackground();
      write(begin, summary, out, err, start);
    }
    return new ScanResult(summary, begin.records(), (System.nanoTime() - start) / 1e9);
  }

  /** Where this run starts: the checkpoint on resume, else nothing, refusing what would lose work. */
  private Checkpoint startingPoint(JsonNode identity) throws IOException, ScanRefusedException {
    for (Path written : List.of(job.output(), job.errors(), job.checkpoint())) {
      Path w = written.toAbsolutePath().normalize();
      for (Path input : job.inputs()) {
        if (w.startsWith(input.toAbsolutePath().normalize())) {
          throw new ScanRefusedException(
              written + " would be written inside the input " + input
                  + ", which would then be read; write the results elsewhere");
        }
      }
    }
    Checkpoint cp = Checkpoint.read(job.checkpoint());
    if (job.resume()) {
      if (cp == null) {
        if (nonEmpty(job.output()) || nonEmpty(job.errors())) {
          throw new ScanRefusedException(
              "cannot resume: there is no checkpoint "
                  + job.checkpoint()
                  + " for "
                  + job.output()
                  + "; run without --resume and with --force to start over");
        }
        return new Checkpoint(identity, 0, 0, 0, false);
      }
      String difference = ScanIdentity.difference(cp.identity(), identity);
      if (difference != null) {
        throw new ScanRefusedException(
            "cannot resume: "
                + difference
                + "; run the same command as before, or without --resume and with --force to"
                + " start over");
      }
      if (size(job.output()) < cp.outputBytes() || size(job.errors()) < cp.errorBytes()) {
        throw new ScanRefusedException(
            "cannot resume: "
                + job.output()
                + " or "
                + job.errors()
                + " is shorter than the checkpoint says (changed by something else?); run without"
                + " --resume and with --force to start over");
      }
      if (cp.complete()
          && (size(job.output()) != cp.outputBytes() || size(job.errors()) != cp.errorBytes())) {
        // Finished, but the files were appended to since: cut them back and write it again.
        return new Checkpoint(identity, cp.records(), cp.outputBytes(), cp.errorBytes(), false);
      }
      return new Checkpoint(
          identity, cp.records(), cp.outputBytes(), cp.errorBytes(), cp.complete());
    }
    if (!job.force()) {
      for (Path p : List.of(job.output(), job.errors())) {
        if (nonEmpty(p)) {
          throw new ScanRefusedException(
              p
                  + " already exists and is not empty; add --resume to continue that scan, or"
                  + " --force to start over");
        }
      }
    }
    return new Checkpoint(identity, 0, 0, 0, false);
  }

  private static boolean nonEmpty(Path p) throws IOException {
    return size(p) > 0;
  }

  private static long size(Path p) throws IOException {
    return Files.exists(p) ? Files.size(p) : 0;
  }

  private static FileChannel openAt(Path file, long length) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      ch.truncate(length);
      ch.position(length);
      ch.force(false);
    } catch (IOException e) {
      ch.close();
      throw e;
    }
    return ch;
  }

  /** Counts the durable verdicts and failures of earlier runs into {@code summary}. */
  private void rebuild(ScanSummary summary) throws IOException {
    if (!Files.exists(job.output()) || !Files.exists(job.errors())) {
      return; // nothing was written (a complete scan of nothing, or files removed since)
    }
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(Files.newInputStream(job.output()), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        summary.addVerdict(json.readTree(line));
      }
    }
    try (BufferedReader r = Files.newBufferedReader(job.errors(), StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        summary.addFailure();
      }
    }
  }

  /** The writer: takes results in input order, writes them, commits now and then. */
  private void write(Checkpoint begin, ScanSummary summary, FileChannel out, FileChannel err, long start)
      throws IOException, InterruptedException {
    int window = Math.max(4096, job.threads() * 256);
    // One more place than records in flight, for the end (or the reader's failure).
    BlockingQueue<Future<Scored[]>> pending = new ArrayBlockingQueue<>(window + 1);
    // Places for records in the window, given back in batches: a full window then wakes the
    // reader once per batch rather than once per record, which on few cores costs real time.
    Semaphore places = new Semaphore(window);
    AtomicInteger scorerId = new AtomicInteger();
    ExecutorService scorers =
        Executors.newFixedThreadPool(
            job.threads(),
            r -> {
              Thread t = new Thread(r, "vera-scan-scorer-" + scorerId.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    Thread reader = new Thread(() -> read(begin.records(), pending, places, scorers), "vera-scan-reader");
    reader.setDaemon(true);
    reader.start();

    long records = begin.records();
    long outBytes = begin.outputBytes();
    long errBytes = begin.errorBytes();
    OutputStream outStream = new BufferedOutputStream(Channels.newOutputStream(out), 1 << 16);
    OutputStream errStream = new BufferedOutputStream(Channels.newOutputStream(err), 1 << 14);
    long lastCommit = System.nanoTime();
    long lastProgress = 0;
    long sinceCommit = 0;
    int taken = 0;
    try {
      while (true) {
        Future<Scored[]> f = pending.take();
        if (f == END) {
          break;
        }
        for (Scored s : result(f)) {
          if (++taken == PLACES_BATCH) {
            places.release(taken);
            taken = 0;
          }
          inFlight.release(s.chars());
          s.record().publishWarnings();
          if (s.failed()) {
            put(errStream, s.line(), job.errors());
            errBytes += s.line().length;
            summary.addFailure();
          } else {
            put(outStream, s.line(), job.output());
            outBytes += s.line().length;
            summary.addVerdict(s.label(), s.probability(), s.domain(), s.outside());
          }
          records++;
          sinceCommit++;
          long now = System.nanoTime();
          if (sinceCommit >= job.commitEvery() || now - lastCommit >= COMMIT_NANOS) {
            commit(
                begin.identity(), outStream, errStream, out, err, records, outBytes, errBytes,
                false);
            lastCommit = now;
            sinceCommit = 0;
          }
          if (now - lastProgress >= PROGRESS_NANOS) {
            lastProgress = now;
            listener.progress(progress(records, begin.records(), summary.failed(), now, start));
          }
        }
      }
      commit(begin.identity(), outStream, errStream, out, err, records, outBytes, errBytes, true);
      listener.progress(
          new ScanProgress(
              records, begin.records(), summary.failed(), 1.0, records,
              (System.nanoTime() - start) / 1e9));
    } finally {
      reader.interrupt();
      scorers.shutdownNow();
    }
  }

  private static Scored[] result(Future<Scored[]> f) throws IOException, InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof UncheckedIOException uio) {
        throw uio.getCause();
      }
      if (cause instanceof RuntimeException re) {
        throw new IllegalStateException(
            "stopped by an internal error ("
                + re
                + "); the output up to the last checkpoint is kept, --resume goes on from there",
            re);
      }
      throw new IOException(cause);
    }
  }

  private void commit(
      JsonNode identity,
      OutputStream outStream,
      OutputStream errStream,
      FileChannel out,
      FileChannel err,
      long records,
      long outBytes,
      long errBytes,
      boolean complete)
      throws IOException {
    try {
      outStream.flush();
      out.force(false);
    } catch (IOException e) {
      throw OutputFiles.cannotWrite(job.output(), e);
    }
    try {
      errStream.flush();
      err.force(false);
    } catch (IOException e) {
      throw OutputFiles.cannotWrite(job.errors(), e);
    }
    try {
      new Checkpoint(identity, records, outBytes, errBytes, complete).write(job.checkpoint());
    } catch (IOException e) {
      throw OutputFiles.cannotWrite(job.checkpoint(), e);
    }
  }

  /** Writes one line to an output, naming the file when that fails (a full disk says not which). */
  private static void put(OutputStream stream, byte[] line, Path file) throws IOException {
    try {
      stream.write(line);
    } catch (IOException e) {
      throw OutputFiles.cannotWrite(file, e);
    }
  }

  /** The reader thread: every record in order, skipping those already durable. */
  private void read(
      long skip,
      BlockingQueue<Future<Scored[]>> pending,
      Semaphore places,
      ExecutorService scorers) {
    try {
      try (ArticleReader reader = ArticleInputs.openAll(job.inputs(), job.reading())) {
        long seq = 0;
        Position position = new Position();
        Task task = new Task();
        for (PendingRecord r = reader.nextPending(); r != null; r = reader.nextPending()) {
          seq++;
          read = new ReadPosition(seq, position.at(r.where().file(), r.where().line()));
          if (seq <= skip) {
            r.parse(); // durable already; parsed only for its warnings, as an unresumed scan gives
            r.publishWarnings();
            continue;
          }
          // The record's text until parsed, then at most as much article text: memory stays flat.
          int chars = Math.min(IN_FLIGHT_CHARS, r.chars());
          // Records waiting in an unsubmitted task hold places and characters that only the
          // writer gives back: hand them over before waiting, or the reader could wait forever.
          if (!places.tryAcquire()) {
            task = task.submit(pending, scorers);
            places.acquire();
          }
          if (!inFlight.tryAcquire(chars)) {
            task = task.submit(pending, scorers);
            inFlight.acquire(chars);
          }
          task.add(r, chars);
          if (task.size() == TASK_RECORDS) {
            task = task.submit(pending, scorers);
          }
        }
        task.submit(pending, scorers);
      }
      pending.put(END);
    } catch (InterruptedException | InterruptedIOException e) {
      // The writer stopped (it failed); nobody waits for more.
    } catch (IOException | RuntimeException e) {
      try {
        pending.put(CompletableFuture.failedFuture(e));
      } catch (InterruptedException stopped) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Consecutive records scored by one scorer, in order. */
  private final class Task {
    private final PendingRecord[] records = new PendingRecord[TASK_RECORDS];
    private final int[] chars = new int[TASK_RECORDS];
    private int size;

    int size() {
      return size;
    }

    void add(PendingRecord record, int recordChars) {
      records[size] = record;
      chars[size++] = recordChars;
    }

    /** Queues this task's results (when it holds any) and gives the next, empty task. */
    Task submit(BlockingQueue<Future<Scored[]>> pending, ExecutorService scorers)
        throws InterruptedException {
      if (size == 0) {
        return this;
      }
      pending.put(
          scorers.submit(
              () -> {
                Scored[] out = new Scored[size];
                for (int i = 0; i < size; i++) {
                  out[i] = parseAndScore(records[i], chars[i]);
                  records[i] = null;
                }
                return out;
              }));
      return new Task();
    }
  }

  /** Tracks the reader's position in lines over all inputs, for the progress fraction. */
  private final class Position {
    private @Nullable String file;
    private final List<String> passed = new ArrayList<>();
    private long linesBefore = -1;

    /** The lines before this record over all inputs, or -1 while the line counts are unknown. */
    long at(String currentFile, long line) {
      if (!currentFile.equals(file)) {
        if (file != null) {
          passed.add(file);
          if (linesBefore >= 0) {
            linesBefore += linesOf(file);
          }
        }
        file = currentFile;
      }
      if (linesBefore < 0 && lineCounts != null) {
        linesBefore = 0;
        for (String f : passed) {
          linesBefore += linesOf(f);
        }
        passed.clear();
      }
      return linesBefore >= 0 ? linesBefore + line : -1;
    }

    private long linesOf(String f) {
      Map<String, Long> counts = lineCounts;
      Long n = counts == null ? null : counts.get(f);
      return n == null ? 0 : n;
    }
  }

  private ScanProgress progress(long records, long resumedFrom, long failed, long now, long start) {
    long total = totalLines;
    ReadPosition at = read;
    double fraction =
        total <= 0 || at.lines() < 0 ? Double.NaN : Math.min(1.0, (double) at.lines() / total);
    // Records per line so far, applied to the whole input: exact for one record per line.
    long estimated =
        Double.isNaN(fraction) || fraction <= 0
            ? -1
            : Math.max(records, Math.round(at.records() / fraction));
    return new ScanProgress(records, resumedFrom, failed, fraction, estimated, (now - start) / 1e9);
  }

  /** Counts the lines of every input file on a background thread, unless any is compressed. */
  private void countLinesInBackground() {
    Thread t =
        new Thread(
            () -> {
              try {
                Map<String, Long> counts = new HashMap<>();
                long total = 0;
                for (Path input : job.inputs()) {
                  for (Path f : InputFiles.regularFiles(input)) {
                    if (InputFiles.compressed(f)) {
                      return; // lines of compressed data are not cheap to count: total unknown
                    }
                    long n = InputFiles.countLines(f);
                    counts.put(f.toString(), n);
                    total += n;
                  }
                }
                totalLines = total;
                lineCounts = counts;
              } catch (IOException | RuntimeException e) {
                // Progress without a total; the scan itself reports unreadable inputs.
              }
            },
            "vera-scan-line-count");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  /** Parses one record (on a scorer thread) and scores it, or gives its rejection. */
  private Scored parseAndScore(PendingRecord record, int chars) throws IOException {
    ReadOutcome o = record.parse();
    if (o instanceof ReadOutcome.Parsed p) {
      return score(record, p, chars);
    }
    return failure(record, (ReadOutcome.Rejected) o, chars);
  }

  /** Scores one article into its output line; a scoring failure becomes a failed record. */
  private Scored score(PendingRecord record, ReadOutcome.Parsed p, int chars) throws IOException {
    Verdict v;
    ObjectNode node;
    try {
      if (job.reasons()) {
        Explanation e = model.explain(p.article(), job.scoring(), TOP_REASONS, false);
        v = e.verdict();
        node = VerdictJson.verdict(v, e, p.where());
      } else {
        v = predict.apply(p.article(), job.scoring());
        node = VerdictJson.verdict(v, null, p.where());
      }
    } catch (ScoringException e) {
      // The declared failure of one article; anything else is a bug, which stops the scan
      // rather than passing for bad data (the checkpoint still names durable output only).
      return failure(
          record,
          new ReadOutcome.Rejected(p.where(), "could not be scored: " + e.getMessage()),
          chars);
    }
    return new Scored(
        record,
        line(node),
        false,
        v.label(),
        v.probabilityFake(),
        v.source().domain(),
        v.applicability() == null ? null : v.applicability().outsideExperience(),
        chars);
  }

  private Scored failure(PendingRecord record, ReadOutcome.Rejected r, int chars)
      throws IOException {
    return new Scored(record, line(VerdictJson.rejected(r)), true, null, Double.NaN, null, null, chars);
  }

  private byte[] line(ObjectNode node) throws IOException {
    byte[] body = json.writeValueAsBytes(node);
    byte[] line = new byte[body.length + 1];
    System.arraycopy(body, 0, line, 0, body.length);
    line[body.length] = '\n';
    return line;
  }
}
