package dev.vera.scan;

/** Receives a running scan's progress a few times a second, on the scan's writer thread. */
@FunctionalInterface
public interface ScanListener {
  ScanListener NONE = p -> {};

  void progress(ScanProgress progress);
}
