package dev.vera.embed;

import java.util.List;

/**
 * A pretrained sentence-embedding model: texts become {@value #DIMENSION}-dimensional unit vectors.
 * The model reads at most {@value #MAX_TOKENS} tokens at once; longer texts are cut into windows by
 * the caller ({@link #tokenIds}, {@link #embedWindows}). Implementations are thread-safe.
 *
 * <p>The encoder Vera's models were trained with (all-MiniLM-L6-v2 on ONNX Runtime) lives in the
 * optional {@code vera-embeddings} module, so that the default jar carries no native libraries:
 * {@link #bundled()} finds it on the class path, and says what is missing when it is not there.
 */
public interface SentenceEncoder {
  /** Length of the embedding vectors. */
  int DIMENSION = 384;

  /** Tokens the model reads at once, its [CLS] and [SEP] included. */
  int MAX_TOKENS = 128;

  /** Tokens of text per window, leaving room for [CLS] and [SEP]. */
  int WINDOW = MAX_TOKENS - 2;

  /**
   * The model's name and the start of its weights' SHA-256, e.g. {@code all-minilm-l6-v2-q@1a2b…}:
   * a model file records it, and refuses an encoder with another.
   */
  String id();

  /** WordPiece token ids of a text, without [CLS] and [SEP]. */
  long[] tokenIds(String text);

  /**
   * Embeds windows of token ids, each in a model run of its own, so that a window's vector depends
   * on nothing else in the call.
   *
   * @param windows token ids without [CLS]/[SEP], each at most {@value #WINDOW} long and not empty
   * @return one unit vector per window, in order
   */
  float[][] embedWindows(List<long[]> windows);

  /**
   * The encoder bundled with Vera, opened once per JVM and shared.
   *
   * @throws EncoderUnavailableException when the {@code vera-embeddings} module is not on the class
   *     path
   * @throws java.io.UncheckedIOException when it is there but fails to load
   */
  static SentenceEncoder bundled() {
    return BundledEncoder.get("reading sentence embeddings");
  }

  /** Whether {@link #bundled()} can find the encoder (without loading it). */
  static boolean available() {
    return BundledEncoder.provider() != null;
  }
}
