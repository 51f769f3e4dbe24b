package dev.vera.cli;

import dev.vera.article.Article;
import dev.vera.io.ArticleInputs;
import dev.vera.io.ArticleReader;
import dev.vera.io.ReadOutcome;
import dev.vera.io.ReaderOptions;
import dev.vera.io.Sha256;
import dev.vera.model.CorpusMix;
import dev.vera.model.ModelCard;
import dev.vera.model.ProgressListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

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
    for (Path p : paths) {
      String corpus = corpusName(p);
      try (ArticleReader reader = ArticleInputs.open(p, options)) {
        for (ReadOutcome o = reader.next(); o != null; o = reader.next()) {
          if (o instanceof ReadOutcome.Parsed parsed) {
            Article a = parsed.article();
            articles.add(a.corpus() == null ? a.withCorpus(corpus) : a);
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
    }
    err.flush();
    return new Loaded(articles, rejected);
  }

  /**
   * The corpus of the articles of an input that name none: a directory's own name, a file's folder
   * name ({@code ../shared/data/gossipcop/articles.jsonl} is {@code gossipcop}).
   */
  static String corpusName(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path named = Files.isDirectory(abs) ? abs : abs.getParent();
    Path last = named == null ? null : named.getFileName();
    return last == null ? "" : last.toString();
  }

  /** The distinct corpora of the articles, in first-seen order. */
  static List<String> corpora(List<Article> articles) {
    return articles.stream().map(CorpusMix::corpusOf).distinct().toList();
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
        out.add(new ModelCard.DataFile(f.toString(), Sha256.hex(f), Files.size(f)));
      }
    }
    return out;
  }

  /** The paths as a user wrote them, comma-separated, for reports. */
  static String names(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(", "));
  }
}
