package dev.vera.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * Reads one file or stream in whatever format it is: opens it on the first call (so that many
 * inputs can be queued without holding many files open), probes it, and hands it to the format
 * reader. Whole-input problems (cannot open, binary, empty, broken gzip) become a single rejection,
 * so every input given yields at least one outcome.
 */
final class InputReader extends PendingRecordReader {

  /** Opens the input's byte stream. */
  interface Opener {
    InputStream open() throws IOException;
  }

  private final String displayName;
  private final String fileName;
  private final Opener opener;
  private final ReaderOptions options;
  private final @Nullable InputStream given;
  private @Nullable ArticleReader format;
  private @Nullable Utf8LineReader lines;
  private boolean gzipped;
  private boolean started;
  private boolean done;
  private long lastRecord;

  /**
   * @param displayName how locations name this input (the path, or {@code -})
   * @param fileName the name whose extension and stem are used
   */
  InputReader(String displayName, String fileName, Opener opener, ReaderOptions options) {
    this(displayName, fileName, opener, options, null);
  }

  /** A reader of a stream that is already open; it is closed with this reader. */
  InputReader(String displayName, InputStream in, ReaderOptions options) {
    this(displayName, displayName, () -> in, options, in);
  }

  private InputReader(
      String displayName,
      String fileName,
      Opener opener,
      ReaderOptions options,
      @Nullable InputStream given) {
    this.displayName = displayName;
    this.fileName = fileName;
    this.opener = opener;
    this.options = options;
    this.given = given;
  }

  @Override
  public @Nullable PendingRecord nextPending() throws IOException {
    if (done) {
      return null;
    }
    if (!started) {
      started = true;
      String refused;
      try {
        refused = start();
      } catch (IOException e) {
        done = true; // the stream failed while being probed; there is nothing left to read
        throw e;
      }
      if (refused != null) {
        done = true;
        close();
        return PendingRecord.of(whole(refused));
      }
    }
    PendingRecord outcome;
    try {
      outcome = format.nextPending();
    } catch (ZipException | EOFException e) {
      if (!gzipped) {
        throw e;
      }
      // Broken compressed data is a bad file, not a failing disk: report it and go on.
      done = true;
      long line = lines.lineNumber() + 1;
      close();
      return PendingRecord.of(
          new ReadOutcome.Rejected(
              new RecordLocation(displayName, line, lastRecord + 1), InputProbe.corruptGzip(e)));
    }
    if (outcome == null) {
      done = true;
      close();
      return lastRecord == 0 ? PendingRecord.of(whole(InputProbe.EMPTY)) : null;
    }
    lastRecord = outcome.where().record();
    return outcome;
  }

  /** Opens and probes the input; returns why it is refused as a whole, or null when readable. */
  private @Nullable String start() throws IOException {
    InputStream in;
    try {
      in = opener.open();
    } catch (IOException e) {
      return "cannot open the file: " + osError(e);
    }
    InputProbe.Result probed;
    try {
      probed = InputProbe.probe(in, fileName, options.format());
    } catch (IOException e) {
      in.close();
      throw e;
    }
    if (probed instanceof InputProbe.Refused refused) {
      in.close();
      return refused.problem();
    }
    InputProbe.Ready ready = (InputProbe.Ready) probed;
    gzipped = ready.gzipped();
    lines = new Utf8LineReader(ready.in(), options.maxLineBytes());
    InputContext ctx = new InputContext(displayName, stem(fileName), options);
    format =
        switch (ready.format()) {
          case SEED -> new SeedReader(ctx, lines);
          case TEXT -> new TextReader(ctx, lines);
          case JSONL -> new JsonlReader(ctx, lines);
          case CSV -> new CsvReader(ctx, lines);
          case AUTO -> throw new IllegalStateException("the probe resolves AUTO");
        };
    return null;
  }

  private ReadOutcome whole(String problem) {
    return new ReadOutcome.Rejected(new RecordLocation(displayName, 1, 1), problem);
  }

  /** The name without directories, {@code .gz} and its last extension; {@code -} stays. */
  static String stem(String fileName) {
    String name = fileName;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    if (name.toLowerCase(Locale.ROOT).endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /** The operating system's reason for an I/O failure, in plain words. */
  static String osError(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  @Override
  public void close() throws IOException {
    done = true;
    if (!started && given != null) {
      started = true;
      given.close(); // a stream handed over is owned by this reader even if never read
    }
    if (format != null) {
      ArticleReader f = format;
      format = null;
      f.close();
    }
  }
}
