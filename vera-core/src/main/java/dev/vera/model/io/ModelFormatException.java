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

  /** "NAME: damaged model file (WHAT)": the one wording of every damaged-file error. */
  static ModelFormatException damaged(String name, String what) {
    return new ModelFormatException(name + ": damaged model file (" + what + ")");
  }

  /** As {@link #damaged(String, String)}, with what was thrown while reading. */
  static ModelFormatException damaged(String name, String what, Throwable cause) {
    return new ModelFormatException(name + ": damaged model file (" + what + ")", cause);
  }
}
