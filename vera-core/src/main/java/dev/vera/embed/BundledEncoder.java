package dev.vera.embed;

import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/** Finds the bundled encoder's provider on the class path and keeps the one encoder it opens. */
final class BundledEncoder {
  private static volatile @Nullable SentenceEncoder shared;

  private BundledEncoder() {}

  static @Nullable SentenceEncoderProvider provider() {
    // The class's own loader, not the thread's: in Spark executors and servlet containers the
    // context loader may not see the jar that holds Vera.
    return ServiceLoader.load(
            SentenceEncoderProvider.class, SentenceEncoderProvider.class.getClassLoader())
        .findFirst()
        .orElse(null);
  }

  /**
   * @param what what needs the encoder, for the message when it is absent
   */
  static SentenceEncoder get(String what) {
    SentenceEncoder e = shared;
    if (e == null) {
      synchronized (BundledEncoder.class) {
        e = shared;
        if (e == null) {
          SentenceEncoderProvider p = provider();
          if (p == null) {
            throw new EncoderUnavailableException(what);
          }
          e = p.open();
          shared = e;
        }
      }
    }
    return e;
  }
}
