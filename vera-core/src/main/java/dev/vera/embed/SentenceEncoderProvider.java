package dev.vera.embed;

/**
 * Opens the bundled {@link SentenceEncoder}: the service the {@code vera-embeddings} module
 * registers in {@code META-INF/services}. A provider is cheap to make; {@link #open()} loads the
 * model (about a second and 100 MB), and is called once per JVM.
 */
public interface SentenceEncoderProvider {
  /**
   * Loads the encoder.
   *
   * @throws java.io.UncheckedIOException when the model or its native libraries fail to load
   */
  SentenceEncoder open();
}
