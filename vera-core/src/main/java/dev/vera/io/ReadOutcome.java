package dev.vera.io;

import dev.vera.article.Article;

/**
 * What reading one record gave: an article, or a problem that names the record. Readers never throw
 * for a bad record; they report it and go on with the next one, so a batch loses nothing.
 */
public sealed interface ReadOutcome permits ReadOutcome.Parsed, ReadOutcome.Rejected {

  RecordLocation where();

  /** A record that became an article. */
  record Parsed(Article article, RecordLocation where) implements ReadOutcome {}

  /** A record that could not be read; {@code problem} says why in plain words. */
  record Rejected(RecordLocation where, String problem) implements ReadOutcome {
    /** The one-line message shown to users: {@code file:line (record n): problem}. */
    public String message() {
      return where + ": " + problem;
    }
  }
}
