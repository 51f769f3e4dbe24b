package dev.vera.scan;

/**
 * A scan that will not start as asked, for a reason the user can fix: output that would be
 * overwritten, or a checkpoint that belongs to another scan. The message says what to do.
 */
public final class ScanRefusedException extends Exception {
  private static final long serialVersionUID = 1L;

  ScanRefusedException(String message) {
    super(message);
  }
}
