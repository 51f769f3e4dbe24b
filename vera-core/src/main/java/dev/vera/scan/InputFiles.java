package dev.vera.scan;

import dev.vera.io.ArticleInputs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The regular files an input stands for, as {@link dev.vera.io.ArticleInputs} reads them (a file
 * itself; below a directory, every file not hidden), and cheap facts about them: sizes and line
 * counts for the progress bar and the checkpoint.
 */
final class InputFiles {
  private InputFiles() {}

  /**
   * The files of one input, sorted, as {@link ArticleInputs} reads them; empty when it does not
   * exist. A subdirectory that cannot be listed is left out here: the reader reports it as a failed
   * record in its place and the scan goes on.
   */
  static List<Path> regularFiles(Path input) throws IOException {
    if (Files.isRegularFile(input)) {
      return List.of(input);
    }
    return Files.isDirectory(input) ? ArticleInputs.regularFiles(input) : List.of();
  }

  /** Whether the input is something scan can read twice (a file or a directory), not a pipe. */
  static boolean rereadable(Path input) {
    return Files.isRegularFile(input) || Files.isDirectory(input) || !Files.exists(input);
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
