package dev.vera.scan;

/**
 * How a scan ended.
 *
 * @param summary counts, histogram and sources over the whole output (earlier runs included)
 * @param resumedFrom records already durable when this run started
 * @param seconds how long this run took
 */
public record ScanResult(ScanSummary summary, long resumedFrom, double seconds) {
  /** Records written by this run. */
  public long scannedNow() {
    return summary.records() - resumedFrom;
  }
}
