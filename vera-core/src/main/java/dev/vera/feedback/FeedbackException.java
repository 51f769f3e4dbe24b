package dev.vera.feedback;

import java.io.IOException;

/** The feedback database cannot be opened, read or written; the message names the file. */
public final class FeedbackException extends IOException {
  private static final long serialVersionUID = 1L;

  public FeedbackException(String message, Throwable cause) {
    super(message, cause);
  }

  public FeedbackException(String message) {
    super(message);
  }
}
