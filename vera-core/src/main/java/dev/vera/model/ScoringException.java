package dev.vera.model;

/**
 * The model could not score one article (the sentence encoder failed on its text): a failure of
 * that article, which a batch records and goes past. Any other exception from scoring is a bug and
 * stops a batch.
 */
public final class ScoringException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ScoringException(String message, Throwable cause) {
    super(message, cause);
  }
}
