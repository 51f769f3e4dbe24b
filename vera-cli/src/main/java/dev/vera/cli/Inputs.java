package dev.vera.cli;

import dev.vera.article.Article;
import dev.vera.io.ArticleInputs;
import dev.vera.io.ArticleReader;
import dev.vera.io.ReadOutcome;
import dev.vera.io.ReaderOptions;
import dev.vera.model.ModelCard;
import dev.vera.model.ProgressListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the labelled inputs of training and evaluation, and describes them for model cards. */
final class Inputs {
  private Inputs() {}

  /** Every article of the inputs, with the rejected records reported to {@code err}. */
  record Loaded(List<Article> articles, List<ReadOutcome.Rejected> rejected) {}

  static Loaded readAll(
      List<Path> paths, ReaderOptions options, PrintWriter err, ProgressListener progress)
      throws IOException {
    List<Article> articles = new ArrayList<>();
    List<ReadOutcome.Rejected> rejected = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new IOException("no such file or directory: " + p);
      }
    }
    try (ArticleReader reader = ArticleInputs.openAll(paths, options)) {
      for (ReadOutcome o = reader.next(); o != null; o = reader.next()) {
        if (o instanceof ReadOutcome.Parsed parsed) {
          articles.add(parsed.article());
        } else {
          ReadOutcome.Rejected r = (ReadOutcome.Rejected) o;
          rejected.add(r);
          err.println("vera: skipped " + r.message());
        }
        long n = articles.size() + rejected.size();
        if (n % 1000 == 0) {
          progress.update("reading articles", n, -1);
        }
      }
    }
    err.flush();
    return new Loaded(articles, rejected);
  }

  /** The files with their SHA-256, for model provenance (directories are listed file by file). */
  static List<ModelCard.DataFile> describe(List<Path> paths) throws IOException {
    List<ModelCard.DataFile> out = new ArrayList<>();
    for (Path p : paths) {
      List<Path> files;
      if (Files.isDirectory(p)) {
        try (var s = Files.walk(p)) {
          files = s.filter(Files::isRegularFile).sorted().toList();
        }
      } else {
        files = List.of(p);
      }
      for (Path f : files) {
        out.add(new ModelCard.DataFile(f.toString(), dev.vera.io.Sha256.hex(f), Files.size(f)));
      }
    }
    return out;
  }

  /** The paths as a user wrote them, comma-separated, for reports. */
  static String names(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", "));
  }

}
