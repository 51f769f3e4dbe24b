package dev.vera.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests in lower-case hex, as model cards, index manifests and scan checkpoints record
 * them for the files and bytes they came from.
 */
public final class Sha256 {
  private Sha256() {}

  /** The digest of some bytes. */
  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /** The digest of what remains of a stream (read to its end, not closed). */
  public static String hex(InputStream in) throws IOException {
    MessageDigest md = digest();
    // Not closed here: closing the DigestInputStream would close the caller's stream.
    new DigestInputStream(in, md).transferTo(OutputStream.nullOutputStream());
    return HexFormat.of().formatHex(md.digest());
  }

  /** The digest of a file's bytes. */
  public static String hex(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return hex(in);
    }
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }
}
