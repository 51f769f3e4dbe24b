package dev.vera.cli;

import dev.vera.io.InputFormat;
import dev.vera.io.ReaderOptions;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** How input files are read; shared by every command that reads articles. */
public final class InputOptions {
  @Option(
      names = "--input-format",
      paramLabel = "FORMAT",
      description = "auto (default), seed, text, jsonl or csv.")
  InputFormat format = InputFormat.AUTO;

  @Option(
      names = "--label-field",
      paramLabel = "FIELD",
      description =
          "JSONL/CSV field holding fake|real (default: label); a record or file without it falls"
              + " back to label (e.g. --label-field binary for LIAR beside other corpora).")
  String labelField = ReaderOptions.DEFAULT_LABEL_FIELD;

  @Option(
      names = "--max-article-bytes",
      paramLabel = "BYTES",
      description = "Reject articles larger than this (default: 1000000).")
  long maxArticleBytes = ReaderOptions.DEFAULT_MAX_ARTICLE_BYTES;

  /** Reader options whose warnings go to {@code err}. */
  ReaderOptions readerOptions(PrintWriter err) {
    return ReaderOptions.defaults()
        .withFormat(format)
        .withLabelField(labelField)
        .withMaxArticleBytes(maxArticleBytes)
        .withWarnings(
            w -> {
              err.println("vera: warning: " + w);
              err.flush();
            });
  }
}
