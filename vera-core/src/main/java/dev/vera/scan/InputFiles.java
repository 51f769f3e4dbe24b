package dev.vera.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
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
   * The files of one input, sorted; empty when it does not exist. Walked as {@link
   * dev.vera.io.ArticleInputs} walks it (symbolic links followed, hidden names skipped); a
   * subdirectory that cannot be listed is left out here, since the reader reports it as a failed
   * record in its place and the scan goes on.
   */
  static List<Path> regularFiles(Path input) throws IOException {
    if (Files.isRegularFile(input)) {
      return List.of(input);
    }
    if (!Files.isDirectory(input)) {
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(
        input,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return !dir.equals(input) && hiddenBelow(input, dir)
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && !hiddenBelow(input, file)) {
              files.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (file.equals(input)) {
              throw e;
            }
            return FileVisitResult.CONTINUE;
          }
        });
    files.sort(null);
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
