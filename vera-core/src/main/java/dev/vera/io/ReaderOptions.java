package dev.vera.io;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * How to read inputs: the format (or {@link InputFormat#AUTO}), the largest article accepted, the
 * name of the label field in JSONL and CSV, and where non-fatal warnings go.
 *
 * @param format the input format, or AUTO to detect it per file
 * @param maxArticleBytes the largest accepted UTF-8 size of title plus text; larger articles are
 *     rejected
 * @param labelField the JSONL field or CSV column holding {@code fake|real}
 * @param warnings receives one-line warnings (such as unknown fields) that do not reject a record
 */
public record ReaderOptions(
    InputFormat format, long maxArticleBytes, String labelField, Consumer<String> warnings) {

  /** The default article size limit: one megabyte of UTF-8. */
  public static final long DEFAULT_MAX_ARTICLE_BYTES = 1_000_000;

  /** The default name of the label field. */
  public static final String DEFAULT_LABEL_FIELD = "label";

  public ReaderOptions {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(labelField, "labelField");
    Objects.requireNonNull(warnings, "warnings");
    if (maxArticleBytes <= 0) {
      throw new IllegalArgumentException("maxArticleBytes must be positive: " + maxArticleBytes);
    }
    if (labelField.isBlank()) {
      throw new IllegalArgumentException("labelField must not be blank");
    }
  }

  /** AUTO format, a 1 MB article limit, the label in {@code label}, and warnings ignored. */
  public static ReaderOptions defaults() {
    return new ReaderOptions(
        InputFormat.AUTO, DEFAULT_MAX_ARTICLE_BYTES, DEFAULT_LABEL_FIELD, warning -> {});
  }

  /** A copy with another format. */
  public ReaderOptions withFormat(InputFormat newFormat) {
    return new ReaderOptions(newFormat, maxArticleBytes, labelField, warnings);
  }

  /** A copy with another article size limit in bytes. */
  public ReaderOptions withMaxArticleBytes(long newMaxArticleBytes) {
    return new ReaderOptions(format, newMaxArticleBytes, labelField, warnings);
  }

  /** A copy with another label field name. */
  public ReaderOptions withLabelField(String newLabelField) {
    return new ReaderOptions(format, maxArticleBytes, newLabelField, warnings);
  }

  /** A copy that sends warnings to another consumer. */
  public ReaderOptions withWarnings(Consumer<String> newWarnings) {
    return new ReaderOptions(format, maxArticleBytes, labelField, newWarnings);
  }

  /**
   * The longest line buffered whole: twice the article limit plus 64 KiB, so that any acceptable
   * article fits on one line (JSONL escapes can double it) while a runaway line cannot exhaust
   * memory. Capped to what a Java array can hold.
   */
  int maxLineBytes() {
    long cap = maxArticleBytes > (Integer.MAX_VALUE / 2) ? Integer.MAX_VALUE : maxArticleBytes * 2;
    return (int) Math.min(cap + 65_536, Integer.MAX_VALUE - 16);
  }
}
