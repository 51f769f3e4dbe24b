package dev.vera.spark;

/** Bad command-line arguments: the job prints the message and exits with code 2. */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
