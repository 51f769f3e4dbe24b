package dev.vera.io;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Opens articles from files, directories and standard input in any supported format; every record
 * of every input comes out as one {@link ReadOutcome}, in input order.
 *
 * <p>With {@link InputFormat#AUTO} the format is chosen per file: {@code .jsonl}, {@code .ndjson}
 * and {@code .json} are JSONL, {@code .csv} is CSV (a {@code .gz} suffix is decompressed and judged
 * by the name inside it); other names are judged by the first non-blank line: a founding format
 * header ({@code " date YYYY-MM-DD ✔"}) means SEED, a line starting with <code>{</code> means
 * JSONL, anything else is one plain-text article. Gzip content is recognised by its magic bytes
 * whatever the name.
 *
 * <p>Nothing is opened until the first {@link ArticleReader#next()}, and a problem with a whole
 * input (it cannot be opened, is binary, is empty) is one {@link ReadOutcome.Rejected} naming it;
 * so these methods never throw, and the readers throw only when a stream fails mid-read.
 */
public final class ArticleInputs {

  private ArticleInputs() {}

  /**
   * A reader of one file, or of every regular file below a directory (recursively, sorted by path,
   * hidden files and directories skipped), in the format of {@code options}.
   */
  public static ArticleReader open(Path path, ReaderOptions options) {
    if (Files.isDirectory(path)) {
      return new DirectoryReader(path, options);
    }
    return openFile(path, options);
  }

  /**
   * A reader of an already open stream, typically standard input with {@code displayName} "-"; with
   * AUTO the format is detected from the content. Locations name {@code displayName}, which is also
   * the default id of a plain-text article. The reader owns {@code in} and closes it.
   */
  public static ArticleReader open(String displayName, InputStream in, ReaderOptions options) {
    return new InputReader(displayName, in, options);
  }

  /**
   * The regular files a directory stands for, in the order {@link #open(Path, ReaderOptions)} reads
   * them (links followed, hidden names skipped); what cannot be listed is left out here, since the
   * reader reports it in its place.
   */
  public static List<Path> regularFiles(Path directory) throws IOException {
    return DirectoryReader.readableFiles(directory);
  }

  /** A reader of several paths (files or directories) one after another, in the given order. */
  public static ArticleReader openAll(List<Path> paths, ReaderOptions options) {
    List<Supplier<ArticleReader>> parts = new ArrayList<>();
    for (Path p : paths) {
      parts.add(() -> open(p, options));
    }
    return concat(parts);
  }

  /**
   * Readers one after another, each created when its turn comes and closed when it is done, so that
   * only one input is open at a time.
   */
  public static ArticleReader concat(List<Supplier<ArticleReader>> parts) {
    return new ConcatReader(parts);
  }

  /** A reader of outcomes known in advance, e.g. an article fetched from a URL. */
  public static ArticleReader of(List<ReadOutcome> outcomes) {
    return new FixedReader(outcomes);
  }

  /**
   * Every outcome of a file or directory, in order; convenient for small inputs and tests.
   *
   * @throws IOException when a stream fails mid-read (bad records are outcomes, not exceptions)
   */
  public static List<ReadOutcome> readAll(Path path, ReaderOptions options) throws IOException {
    List<ReadOutcome> outcomes = new ArrayList<>();
    try (ArticleReader reader = open(path, options)) {
      for (ReadOutcome o = reader.next(); o != null; o = reader.next()) {
        outcomes.add(o);
      }
    }
    return outcomes;
  }

  /** A reader of one regular file (not a directory). */
  static ArticleReader openFile(Path file, ReaderOptions options) {
    Path name = file.getFileName();
    return new InputReader(
        file.toString(),
        name == null ? file.toString() : name.toString(),
        () -> openStream(file),
        options);
  }

  /**
   * A stream over a file. A pipe, a FIFO or {@code <(command)} gets a plain {@link
   * FileInputStream}: the channel stream of {@link Files#newInputStream} answers {@code
   * available()} from the position, which a pipe does not have ("Illegal seek").
   */
  static InputStream openStream(Path file) throws IOException {
    if (Files.isRegularFile(file)) {
      return Files.newInputStream(file);
    }
    try {
      return new FileInputStream(file.toFile());
    } catch (FileNotFoundException e) {
      // Opened as Files would, so that the reason reads the same ("permission denied"…).
      return Files.newInputStream(file);
    }
  }
}
