package dev.vera.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Writes output files so that a failure names the file: the operating system's own messages for a
 * failed write ("No space left on device", "Input/output error") do not say which.
 */
public final class OutputFiles {
  private OutputFiles() {}

  /** Writes {@code text} as UTF-8 to {@code file}, replacing it. */
  public static void writeString(Path file, String text) throws IOException {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw cannotWrite(file, e);
    }
  }

  /**
   * The same failure, saying which file could not be written and why; a message that already names
   * the file (as the JDK's {@link FileSystemException}s do) keeps its reason.
   */
  public static IOException cannotWrite(Path file, IOException e) {
    String reason =
        e instanceof FileSystemException f && f.getReason() != null
            ? f.getReason()
            : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    if (e instanceof AccessDeniedException) {
      reason = "permission denied";
    } else if (e instanceof NoSuchFileException) {
      reason = "no such directory";
    }
    return new IOException(file + ": cannot write: " + reason, e);
  }
}
