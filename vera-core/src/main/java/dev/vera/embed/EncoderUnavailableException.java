package dev.vera.embed;

import dev.vera.VeraVersion;

/**
 * Something needs the sentence encoder, and the optional {@code vera-embeddings} module that holds
 * it (with ONNX Runtime and the tokenizer's native library) is not on the class path.
 */
public final class EncoderUnavailableException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /**
   * @param what what needs the encoder, e.g. "the accurate model"
   */
  public EncoderUnavailableException(String what) {
    super(
        what
            + " needs the vera-embeddings module (the sentence encoder, on ONNX Runtime), which"
            + " is not on the class path: use Vera's full distribution (vera-"
            + VeraVersion.get()
            + ".tar.gz), or add the dependency dev.vera:vera-embeddings");
  }
}
