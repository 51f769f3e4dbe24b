package dev.vera.io;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads every regular file below a directory, recursively, in path order, skipping hidden files and
 * directories (names starting with a dot, such as {@code .git} or {@code .DS_Store}). A file or
 * directory that cannot be listed becomes one rejection in its place in that order.
 */
final class DirectoryReader extends PendingRecordReader {

  private record Entry(Path path, @Nullable String problem) {}

  private final Path root;
  private final ReaderOptions options;
  private @Nullable ArticleReader files;

  DirectoryReader(Path root, ReaderOptions options) {
    this.root = root;
    this.options = options;
  }

  @Override
  public @Nullable PendingRecord nextPending() throws IOException {
    if (files == null) {
      files = list(); // listed on first use, like files, so queued inputs cost nothing yet
    }
    return files.nextPending();
  }

  private ArticleReader list() throws IOException {
    List<Entry> entries = walk(root);
    if (entries.isEmpty()) {
      return new FixedReader(
          List.of(
              new ReadOutcome.Rejected(
                  new RecordLocation(root.toString(), 1, 1),
                  "empty directory: no files in it (hidden files are skipped)")));
    }
    entries.sort(Comparator.comparing(Entry::path));
    List<Supplier<ArticleReader>> parts = new ArrayList<>();
    for (Entry e : entries) {
      parts.add(
          () ->
              e.problem() == null
                  ? ArticleInputs.openFile(e.path(), options)
                  : new FixedReader(
                      List.of(
                          new ReadOutcome.Rejected(
                              new RecordLocation(e.path().toString(), 1, 1), e.problem()))));
    }
    return new ConcatReader(parts);
  }

  /** The files below {@code root} that this reader would open, in its order. */
  static List<Path> readableFiles(Path root) throws IOException {
    return walk(root).stream().filter(e -> e.problem() == null).map(Entry::path).sorted().toList();
  }

  private static List<Entry> walk(Path root) throws IOException {
    List<Entry> entries = new ArrayList<>();
    Files.walkFileTree(
        root,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return !dir.equals(root) && isHidden(dir)
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && !isHidden(file)) {
              entries.add(new Entry(file, null));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (file.equals(root) || !isHidden(file)) {
              String why =
                  e instanceof FileSystemLoopException
                      ? "symbolic link loop: this directory contains itself"
                      : InputReader.osError(e);
              entries.add(new Entry(file, "cannot read: " + why));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return entries;
  }

  private static boolean isHidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  @Override
  public void close() throws IOException {
    if (files != null) {
      files.close();
    }
  }
}
