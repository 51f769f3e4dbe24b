package dev.vera.cli;

import dev.vera.article.Article;
import dev.vera.article.Label;
import dev.vera.feedback.Correction;
import dev.vera.feedback.CorrectionJson;
import dev.vera.feedback.FeedbackStore;
import dev.vera.io.OutputFiles;
import dev.vera.model.CredibilityModel;
import dev.vera.model.ProgressListener;
import dev.vera.model.Verdict;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vera feedback}: an analyst's correction of a verdict, stored with the article so that
 * {@code vera train --feedback} can learn from it; {@code export} and {@code list} read them back.
 */
@Command(
    name = "feedback",
    mixinStandardHelpOptions = true,
    description = {
      "Store an analyst's correction: vera feedback ARTICLE-ID --article FILE --label fake|real"
          + " --note \"…\".",
      "ARTICLE-ID names an article of --article (any input Vera reads: a .txt file's id is its"
          + " file name without extension, JSONL/CSV records their id field), or is its content"
          + " hash (16 hex digits, as vera feedback list shows). The model scores the article;"
          + " its verdict is stored beside the analyst's label, note, name and the time (UTC).",
      "Subcommands: 'export' (JSONL), 'list'."
    },
    subcommands = {FeedbackCommand.Export.class, FeedbackCommand.ListCorrections.class})
public final class FeedbackCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "ARTICLE-ID",
      description = "The article's id in --article, or its content hash.")
  @Nullable String articleId;

  @Option(
      names = "--article",
      arity = "1..*",
      paramLabel = "PATH",
      description = "Where the article is: files or directories Vera reads.")
  @Nullable List<Path> articleInputs;

  @Option(names = "--label", paramLabel = "fake|real", description = "The analyst's label.")
  @Nullable String label;

  @Option(names = "--note", paramLabel = "TEXT", description = "Why (kept with the correction).")
  String note = "";

  @Option(
      names = "--analyst",
      paramLabel = "NAME",
      description = "Who corrects (default: $VERA_ANALYST).")
  @Nullable String analyst;

  @Mixin FeedbackDbOption db;
  @Mixin ModelOption model;
  @Mixin InputOptions input;
  @Mixin ScoringOptionsMixin scoring;

  @Override
  public Integer call() throws Exception {
    if (articleId == null) {
      throw new VeraCommand.UsageException(
          "name the article: vera feedback ARTICLE-ID --article FILE --label fake|real (or use 'export' or 'list')");
    }
    if (articleInputs == null || articleInputs.isEmpty()) {
      throw new VeraCommand.UsageException(
          "--article FILE is needed: the corrected article is stored so that retraining can use it");
    }
    Label analystLabel = parseLabel(label);
    String who = analystName(analyst);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Inputs.Loaded loaded =
        Inputs.readAll(articleInputs, input.readerOptions(err), err, ProgressListener.NONE);
    Article article = find(loaded.articles(), articleId, articleInputs);
    CredibilityModel m = model.load();
    Verdict v = m.predict(article.withLabel(null), scoring.toOptions());
    Correction stored;
    try (FeedbackStore store = FeedbackStore.open(db.path())) {
      stored =
          store.add(
              Correction.draft(
                  article.withLabel(null),
                  m.card().modelId(),
                  v.label(),
                  v.probabilityFake(),
                  analystLabel,
                  note,
                  who));
    } catch (IllegalArgumentException e) {
      throw new VeraCommand.UsageException(e.getMessage());
    }
    out.printf(
        Locale.ROOT,
        "Stored correction #%d in %s: %s (content hash %s): %s said %s %s (P(fake) %.3f), %s says %s %s%s%n",
        stored.id(),
        db.path(),
        articleId,
        stored.contentHash(),
        stored.modelId(),
        v.label().mark(),
        v.label().wireName(),
        v.probabilityFake(),
        who,
        analystLabel.mark(),
        analystLabel.wireName(),
        stored.disagrees() ? "" : " (agrees with the model: stored as a confirmation)");
    out.flush();
    return VeraCommand.EXIT_OK;
  }

  /** The one article of the inputs with this id, or with this content hash. */
  static Article find(List<Article> articles, String key, List<Path> inputs) {
    List<Article> byId = articles.stream().filter(a -> key.equals(a.id())).toList();
    List<Article> matches = byId;
    if (matches.isEmpty() && key.matches("[0-9a-fA-F]{16}")) {
      long hash = HexFormat.fromHexDigitsToLong(key);
      matches = articles.stream().filter(a -> a.contentHash() == hash).toList();
    }
    if (matches.isEmpty()) {
      throw new VeraCommand.UsageException(
          "no article with id or content hash "
              + key
              + " among the "
              + articles.size()
              + " articles of "
              + Inputs.names(inputs));
    }
    long distinct = matches.stream().mapToLong(Article::contentHash).distinct().count();
    if (distinct > 1) {
      throw new VeraCommand.UsageException(
          matches.size()
              + " different articles have id "
              + key
              + " in "
              + Inputs.names(inputs)
              + "; name one by its content hash instead");
    }
    return matches.get(0);
  }

  static Label parseLabel(@Nullable String text) {
    if (text == null) {
      throw new VeraCommand.UsageException("--label fake|real is needed: the analyst's label");
    }
    return Label.parse(text.strip())
        .orElseThrow(
            () ->
                new VeraCommand.UsageException(
                    "--label must be fake or real, was \"" + text + "\""));
  }

  static String analystName(@Nullable String given) {
    String name = given;
    if (name == null || name.isBlank()) {
      name = System.getenv("VERA_ANALYST");
    }
    if (name == null || name.isBlank()) {
      throw new VeraCommand.UsageException(
          "who is correcting? pass --analyst NAME or set VERA_ANALYST");
    }
    return name.strip();
  }

  /** {@code vera feedback export}: every correction as one JSON line. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description =
          "Write every correction as JSONL (one per line, oldest first, snake_case keys: id,"
              + " created_at, analyst, label, note, content_hash, model_id, model_label,"
              + " model_probability_fake, disagrees, article {id, title, text, date, url, source}).")
  static final class Export implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Mixin FeedbackDbOption db;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        description = "Write here (atomically) instead of standard output.")
    @Nullable Path out;

    @Override
    public Integer call() throws IOException {
      List<Correction> all;
      try (FeedbackStore store = openExisting(db.path())) {
        all = store.list();
      }
      if (out == null) {
        PrintWriter w = TerminalText.exact(spec.commandLine().getOut());
        write(all, w);
        w.flush();
      } else {
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".vera-feedback", ".tmp");
        try {
          try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            write(all, w);
          } catch (IOException e) {
            throw OutputFiles.cannotWrite(out, e);
          }
          Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(tmp);
        }
        spec.commandLine()
            .getErr()
            .println("vera feedback export: " + all.size() + " corrections to " + out);
      }
      return VeraCommand.EXIT_OK;
    }

    private static void write(List<Correction> all, Writer w) throws IOException {
      BufferedWriter b = w instanceof BufferedWriter bw ? bw : new BufferedWriter(w);
      for (Correction c : all) {
        b.write(CorrectionJson.line(c));
        b.write('\n');
      }
      b.flush();
    }
  }

  /** {@code vera feedback list}: the corrections as a table. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the corrections, oldest first.")
  static final class ListCorrections implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Mixin FeedbackDbOption db;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      List<Correction> all;
      try (FeedbackStore store = openExisting(db.path())) {
        all = store.list();
      }
      out.printf(Locale.ROOT, "%d corrections in %s%n", all.size(), db.path());
      if (!all.isEmpty()) {
        out.printf(
            Locale.ROOT,
            "%5s  %-24s  %-12s  %-16s  %-15s  %-30s  %s%n",
            "id",
            "when (UTC)",
            "analyst",
            "content hash",
            "model → analyst",
            "article",
            "note");
      }
      for (Correction c : all) {
        String article = c.article().id() != null ? c.article().id() : c.article().title();
        out.printf(
            Locale.ROOT,
            "%5d  %-24s  %-12s  %-16s  %-15s  %-30s  %s%n",
            c.id(),
            c.createdAt(),
            clip(c.analyst(), 12),
            c.contentHash(),
            c.modelLabel().wireName() + " → " + c.label().wireName(),
            clip(article, 30),
            TerminalText.line(c.note()));
      }
      out.flush();
      return VeraCommand.EXIT_OK;
    }
  }

  /** Opens a database that must exist already (reading commands never create one). */
  static FeedbackStore openExisting(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new IOException(
          "no feedback database at " + path + " (store a correction first, or give --db FILE)");
    }
    return FeedbackStore.open(path);
  }

  private static String clip(String s, int max) {
    String flat = TerminalText.line(s.replaceAll("\\s+", " ").strip());
    return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
  }
}
