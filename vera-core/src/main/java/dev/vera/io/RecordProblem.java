package dev.vera.io;

/**
 * Thrown inside a format reader when one record cannot become an article; the reader turns it into
 * a {@link ReadOutcome.Rejected} carrying the message. It never escapes the package.
 */
final class RecordProblem extends Exception {
  private static final long serialVersionUID = 1L;

  RecordProblem(String problem) {
    // No stack trace: this is an expected outcome for bad data, not a bug.
    super(problem, null, false, false);
  }
}
