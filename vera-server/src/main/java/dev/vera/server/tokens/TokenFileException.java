package dev.vera.server.tokens;

import java.io.IOException;

/** The token file cannot be read, or a line of it is wrong; the message names the file and line. */
public final class TokenFileException extends IOException {
  private static final long serialVersionUID = 1L;

  public TokenFileException(String message) {
    super(message);
  }

  public TokenFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
