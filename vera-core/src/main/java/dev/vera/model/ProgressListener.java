package dev.vera.model;

/**
 * Hears how far long work has gone, so that a terminal can show a progress bar. Calls come from the
 * working thread; implementations must be cheap.
 */
@FunctionalInterface
public interface ProgressListener {
  /** Silence. */
  ProgressListener NONE = (phase, done, total) -> {};

  /**
   * @param phase what is being done, in a few words ("vectorizing training articles")
   * @param done units done so far
   * @param total units in all, or -1 when unknown
   */
  void update(String phase, long done, long total);
}
