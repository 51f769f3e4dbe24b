package dev.vera.model.io;

import java.io.IOException;

/** A model file that this Vera cannot read: not a model, damaged, or of an unknown version. */
public final class ModelFormatException extends IOException {
  public ModelFormatException(String message) {
    super(message);
  }

  public ModelFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
