package dev.vera.scan;

/**
 * A snapshot of a running scan, for progress displays.
 *
 * @param records records in the output so far, those of earlier runs included
 * @param resumedFrom records that earlier runs had made durable (0 for a fresh scan)
 * @param failed records that went to the errors file so far
 * @param fraction how much of the input has been read (by lines), in [0, 1], or NaN when unknown
 *     (compressed inputs, or while the lines are still being counted)
 * @param estimatedTotal the records expected in all, from the records per line read so far (exact
 *     for one record per line), or -1 when unknown
 * @param seconds time since this run started
 */
public record ScanProgress(
    long records,
    long resumedFrom,
    long failed,
    double fraction,
    long estimatedTotal,
    double seconds) {

  /** Records scored per second in this run. */
  public double rate() {
    return seconds > 0 ? (records - resumedFrom) / seconds : 0;
  }

  /** Whether the total is known, so that a bar, a total and an ETA can be shown. */
  public boolean totalKnown() {
    return estimatedTotal >= 0 && !Double.isNaN(fraction);
  }

  /** Seconds left at this run's pace, or NaN when the total is unknown. */
  public double secondsLeft() {
    double r = rate();
    return totalKnown() && r > 0 ? (estimatedTotal() - records) / r : Double.NaN;
  }
}
