package dev.vera.scan;

import dev.vera.io.RecordLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How far a scan has got and how much is left: the reader's position in lines over all inputs,
 * against the inputs' line counts (counted on a background thread, since a large archive takes a
 * while), gives the fraction read; the records per line so far, applied to the whole input, the
 * records expected in all (exact for one record per line). Compressed inputs are not counted, so
 * their scans have no total.
 *
 * <p>{@link #readerAt} is called by the reader thread alone; {@link #snapshot} by any thread.
 */
final class ProgressEstimate {
  /** The line counts of every input file, and their sum. */
  record LineCounts(Map<String, Long> perFile, long total) {
    LineCounts {
      perFile = Map.copyOf(perFile);
    }

    long of(String file) {
      return perFile.getOrDefault(file, 0L);
    }
  }

  /** How far the reader has got: records read and lines of all inputs (-1 while unknown). */
  private record ReadPosition(long records, long lines) {}

  private volatile @Nullable LineCounts counts;
  private volatile ReadPosition read = new ReadPosition(0, -1);

  // The reader thread's own state: the file it is in, and the lines of the files before it.
  private @Nullable String file;
  private final List<String> passed = new ArrayList<>();
  private long linesBefore = -1;

  /** An estimate whose line counts are not known yet (see {@link #linesCounted}). */
  ProgressEstimate() {}

  /** An estimate that counts the lines of {@code inputs} on a background thread. */
  static ProgressEstimate countingLinesOf(List<Path> inputs) {
    ProgressEstimate estimate = new ProgressEstimate();
    Thread t =
        new Thread(
            () -> {
              try {
                LineCounts c = countLines(inputs);
                if (c != null) {
                  estimate.linesCounted(c);
                }
              } catch (IOException | RuntimeException e) {
                // Progress without a total; the scan itself reports unreadable inputs.
              }
            },
            "vera-scan-line-count");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
    return estimate;
  }

  /**
   * The lines of every file of {@code inputs}, or null when any is compressed (not cheap to count).
   */
  static @Nullable LineCounts countLines(List<Path> inputs) throws IOException {
    Map<String, Long> perFile = new HashMap<>();
    long total = 0;
    for (Path input : inputs) {
      for (Path f : InputFiles.regularFiles(input)) {
        if (InputFiles.compressed(f)) {
          return null;
        }
        long n = InputFiles.countLines(f);
        perFile.put(f.toString(), n);
        total += n;
      }
    }
    return new LineCounts(perFile, total);
  }

  void linesCounted(LineCounts c) {
    counts = c;
  }

  /**
   * The reader has read its {@code records}-th record (counting from 1, records skipped on resume
   * included), which starts on {@code where.line()} of {@code where.file()}.
   */
  void readerAt(long records, RecordLocation where) {
    long before = linesBefore(where.file());
    read = new ReadPosition(records, before < 0 ? -1 : before + where.line());
  }

  /** The lines of the files before {@code current}, or -1 while the counts are unknown. */
  private long linesBefore(String current) {
    LineCounts c = counts;
    if (!current.equals(file)) {
      if (file != null) {
        passed.add(file);
        if (linesBefore >= 0 && c != null) {
          linesBefore += c.of(file);
        }
      }
      file = current;
    }
    if (linesBefore < 0 && c != null) {
      linesBefore = 0;
      for (String f : passed) {
        linesBefore += c.of(f);
      }
      passed.clear();
    }
    return linesBefore;
  }

  /**
   * A snapshot of the scan.
   *
   * @param records records in the output so far, those of earlier runs included
   * @param resumedFrom records earlier runs had made durable
   * @param failed records that went to the errors file so far
   * @param seconds time since this run started
   */
  ScanProgress snapshot(long records, long resumedFrom, long failed, double seconds) {
    LineCounts c = counts;
    ReadPosition at = read;
    double fraction =
        c == null || c.total() <= 0 || at.lines() < 0
            ? Double.NaN
            : Math.min(1.0, (double) at.lines() / c.total());
    long estimated =
        Double.isNaN(fraction) || fraction <= 0
            ? -1
            : Math.max(records, Math.round(at.records() / fraction));
    return new ScanProgress(records, resumedFrom, failed, fraction, estimated, seconds);
  }

  /** The last snapshot: everything read, the total known. */
  static ScanProgress finished(long records, long resumedFrom, long failed, double seconds) {
    return new ScanProgress(records, resumedFrom, failed, 1.0, records, seconds);
  }
}
