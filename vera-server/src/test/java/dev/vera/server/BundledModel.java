package dev.vera.server;

import dev.vera.model.CredibilityModel;
import dev.vera.model.io.ModelFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The bundled default model, the one `vera serve` uses, loaded once per test JVM. */
final class BundledModel {
  private static CredibilityModel model;

  private BundledModel() {}

  static synchronized CredibilityModel get() {
    if (model == null) {
      try (InputStream in =
          BundledModel.class.getResourceAsStream("/dev/vera/models/vera-fast.vera")) {
        if (in == null) {
          throw new IllegalStateException("the bundled model is not on the test class path");
        }
        model = ModelFile.read(in, "bundled model");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return model;
  }
}
