package dev.vera.io;

/** The input formats Vera reads; {@link #AUTO} chooses one per file from its name and content. */
public enum InputFormat {
  /**
   * Chosen per file: by extension ({@code .jsonl .ndjson .json} JSONL, {@code .csv} CSV, after
   * removing {@code .gz}), otherwise by the first non-blank line (a {@code date} header: SEED; a
   * {@code '{'}: JSONL; anything else: TEXT).
   */
  AUTO,
  /** The founding format: {@code " date YYYY-MM-DD ✔|✖"} header lines, each followed by a body. */
  SEED,
  /** Plain text: the whole file is one article, with an optional title line. */
  TEXT,
  /** One JSON object per line. */
  JSONL,
  /** RFC 4180 CSV with a header row. */
  CSV
}
