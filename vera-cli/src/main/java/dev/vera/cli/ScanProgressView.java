package dev.vera.cli;

import dev.vera.scan.ScanListener;
import dev.vera.scan.ScanProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows a scan's progress on standard error: a bar redrawn in place on a terminal (records
 * done/total, articles/s, ETA; a count and a rate when the total is unknown), or a plain line every
 * ten seconds when standard error is a file or a pipe, or nothing when quiet.
 */
final class ScanProgressView implements ScanListener, AutoCloseable {
  private static final long LOG_EVERY_NANOS = 10_000_000_000L;
  private final PrintWriter err;
  private final boolean interactive;
  private final boolean quiet;
  private long lastLog = System.nanoTime();
  private boolean drawn;

  ScanProgressView(PrintWriter err, boolean interactive, boolean quiet) {
    this.err = err;
    this.interactive = interactive;
    this.quiet = quiet;
  }

  @Override
  public void progress(ScanProgress p) {
    if (quiet) {
      return;
    }
    if (interactive) {
      err.print("\r" + line(p, true) + "\u001b[K");
      err.flush();
      drawn = true;
    } else {
      long now = System.nanoTime();
      if (now - lastLog >= LOG_EVERY_NANOS) {
        lastLog = now;
        err.println("vera scan: " + line(p, false));
        err.flush();
      }
    }
  }

  static String line(ScanProgress p, boolean bar) {
    StringBuilder s = new StringBuilder(bar ? "scanning " : "");
    if (p.totalKnown()) {
      long total = p.estimatedTotal();
      double done = total > 0 ? Math.min(1.0, (double) p.records() / total) : 1.0;
      if (bar) {
        int width = 28;
        int filled = (int) Math.round(width * done);
        s.append('[').append("#".repeat(filled)).append("-".repeat(width - filled)).append("] ");
      }
      s.append(
          String.format(
              Locale.ROOT,
              "%,d/%,d %3.0f%% %,.0f articles/s ETA %s",
              p.records(),
              total,
              100 * done,
              p.rate(),
              duration(p.secondsLeft())));
    } else {
      s.append(String.format(Locale.ROOT, "%,d records, %,.0f articles/s", p.records(), p.rate()));
    }
    if (p.failed() > 0) {
      s.append(String.format(Locale.ROOT, ", %,d failed", p.failed()));
    }
    return s.toString();
  }

  static String duration(double seconds) {
    if (Double.isNaN(seconds)) {
      return "?";
    }
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
        : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
  }

  @Override
  public void close() {
    if (drawn) {
      err.println();
      err.flush();
      drawn = false;
    }
  }
}
