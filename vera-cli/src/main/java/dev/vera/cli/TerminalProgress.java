package dev.vera.cli;

import dev.vera.model.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows progress of long work on standard error: a bar redrawn in place on a terminal, or a line
 * per phase (and every 10%) when standard error is a file or a pipe, so logs stay readable.
 */
final class TerminalProgress implements ProgressListener, AutoCloseable {
  private static final long REDRAW_NANOS = 100_000_000L;
  private final PrintWriter err;
  private final boolean interactive;
  private final boolean quiet;
  private String phase = "";
  private long phaseStart;
  private long lastDraw;
  private long lastDecile = -1;
  private boolean drawn;

  TerminalProgress(PrintWriter err, boolean interactive, boolean quiet) {
    this.err = err;
    this.interactive = interactive;
    this.quiet = quiet;
  }

  /** Progress on this process's standard error, animated when it is a terminal. */
  static TerminalProgress forStderr(PrintWriter err, boolean quiet) {
    return new TerminalProgress(err, System.console() != null, quiet);
  }

  @Override
  public synchronized void update(String newPhase, long done, long total) {
    if (quiet) {
      return;
    }
    long now = System.nanoTime();
    if (!newPhase.equals(phase)) {
      finishLine();
      phase = newPhase;
      phaseStart = now;
      lastDecile = -1;
      if (!interactive) {
        err.println("vera: " + phase + (total > 0 ? " (" + total + ")" : ""));
        err.flush();
      }
    }
    boolean finished = total > 0 && done >= total;
    if (interactive) {
      if (now - lastDraw < REDRAW_NANOS && !finished) {
        return;
      }
      lastDraw = now;
      err.print("\r" + line(done, total, now));
      err.flush();
      drawn = true;
      if (finished) {
        finishLine();
      }
    } else if (total > 0) {
      long decile = done * 10 / total;
      if (decile != lastDecile && decile > 0) {
        lastDecile = decile;
        err.println("vera: " + line(done, total, now));
        err.flush();
      }
    }
  }

  private String line(long done, long total, long now) {
    double secs = Math.max(1e-9, (now - phaseStart) / 1e9);
    double rate = done / secs;
    if (total <= 0) {
      return String.format(Locale.ROOT, "%s: %d (%.0f/s)", phase, done, rate);
    }
    int width = 28;
    int filled = (int) (width * Math.min(1.0, (double) done / total));
    String bar = "#".repeat(filled) + "-".repeat(width - filled);
    double eta = rate > 0 ? (total - done) / rate : 0;
    return String.format(
        Locale.ROOT,
        "%-32s [%s] %d/%d %3.0f%% %.0f/s ETA %s",
        phase,
        bar,
        done,
        total,
        100.0 * done / total,
        rate,
        duration(eta));
  }

  private static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
        : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
  }

  private void finishLine() {
    if (drawn) {
      err.println();
      err.flush();
      drawn = false;
    }
  }

  @Override
  public synchronized void close() {
    finishLine();
  }
}
