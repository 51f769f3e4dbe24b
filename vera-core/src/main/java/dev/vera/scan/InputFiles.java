package dev.vera.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The regular files an input stands for, as {@link dev.vera.io.ArticleInputs} reads them (a file
 * itself; below a directory, every file not hidden), and cheap facts about them: sizes and line
 * counts for the progress bar and the checkpoint.
 */
final class InputFiles {
  private InputFiles() {}

  /** The files of one input, sorted; empty when it does not exist. */
  static List<Path> regularFiles(Path input) throws IOException {
    if (Files.isRegularFile(input)) {
      return List.of(input);
    }
    if (!Files.isDirectory(input)) {
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(input)) {
      s.filter(p -> !hiddenBelow(input, p))
          .filter(Files::isRegularFile)
          .sorted()
          .forEach(files::add);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return files;
  }

  private static boolean hiddenBelow(Path root, Path p) {
    for (Path part : root.relativize(p)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** Whether a file's content is compressed, so that its lines cannot be counted cheaply. */
  static boolean compressed(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
  }

  /** The number of lines (a last line without a newline counts), reading 1 MiB at a time. */
  static long countLines(Path file) throws IOException {
    byte[] buf = new byte[1 << 20];
    long lines = 0;
    int last = '\n';
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            lines++;
          }
        }
        if (n > 0) {
          last = buf[n - 1];
        }
      }
    }
    return last == '\n' ? lines : lines + 1;
  }
}
