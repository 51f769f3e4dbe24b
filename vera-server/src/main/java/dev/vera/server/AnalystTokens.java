package dev.vera.server;

import dev.vera.server.tokens.TokenFile;
import dev.vera.server.tokens.TokenFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The analysts' tokens of a running server: its token file, read again whenever it changed on disk
 * ({@code vera token add} and {@code revoke} replace it whole), so that a revoked token is refused
 * from the next request on, without a restart. A file that cannot be read any more refuses every
 * token until it is fixed: failing open would let anyone write.
 */
final class AnalystTokens {
  private final Path file;
  private volatile Snapshot current;

  /** What identifies one version of the file: replaced files get a new file key (inode). */
  private record Stamp(@Nullable Object fileKey, FileTime modified, long size) {}

  private record Snapshot(TokenFile tokens, Stamp stamp) {}

  /** Reads the file now, so that a bad one stops the server at start-up. */
  AnalystTokens(Path file) throws TokenFileException {
    this.file = file;
    Stamp stamp = stamp();
    this.current = new Snapshot(TokenFile.read(file), stamp);
  }

  /** The analyst whose token this is, if any, as the file says now. */
  Optional<String> analystOf(String token) throws TokenFileException {
    return fresh().tokens().analystOf(token);
  }

  /** How many analysts have a token. */
  int count() {
    return current.tokens().names().size();
  }

  private Snapshot fresh() throws TokenFileException {
    Stamp now = stamp();
    Snapshot s = current;
    if (s.stamp().equals(now)) {
      return s;
    }
    synchronized (this) {
      if (!current.stamp().equals(now)) {
        // The stamp was taken before the read: a change during the read is seen next time.
        current = new Snapshot(TokenFile.read(file), now);
      }
      return current;
    }
  }

  private Stamp stamp() throws TokenFileException {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return new Stamp(a.fileKey(), a.lastModifiedTime(), a.size());
    } catch (NoSuchFileException e) {
      throw new TokenFileException(file + ": the token file is gone", e);
    } catch (IOException e) {
      throw new TokenFileException(file + ": cannot read the token file: " + e.getMessage(), e);
    }
  }
}
