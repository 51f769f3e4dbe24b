package dev.vera;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this Vera build, as recorded in model files and shown by {@code --version}. */
public final class VeraVersion {
  private static final String VERSION = load();

  private VeraVersion() {}

  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = VeraVersion.class.getResourceAsStream("vera-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
