package dev.vera.server.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * What the token file keeps of one token: {@code sha256:SALT:DIGEST}, where DIGEST is the SHA-256
 * of a random 16-byte SALT followed by the token's UTF-8 bytes, both written in base64url without
 * padding. The token itself cannot be read back from it.
 *
 * <p>Why a salted SHA-256 and not PBKDF2 or bcrypt: a token is 256 random bits ({@link
 * #newToken()}), out of reach of any number of guesses; a slow hash protects guessable passwords,
 * and here it would only make every request cost the server one slow hash per analyst. The salt
 * keeps two equal tokens, and precomputed tables, from showing in the file.
 */
public final class TokenHash {
  /** The scheme this class writes and reads, the first field of {@link #toString()}. */
  public static final String SCHEME = "sha256";

  /** How every token starts, so that a token is recognised wherever it turns up (a file, a log). */
  public static final String TOKEN_PREFIX = "vera_";

  private static final int TOKEN_BYTES = 32;
  private static final int SALT_BYTES = 16;
  private static final int DIGEST_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64_IN = Base64.getUrlDecoder();

  private final byte[] salt;
  private final byte[] digest;

  private TokenHash(byte[] salt, byte[] digest) {
    this.salt = salt;
    this.digest = digest;
  }

  /** A new token: {@value #TOKEN_PREFIX} and 32 bytes from {@link SecureRandom}, base64url. */
  public static String newToken() {
    byte[] b = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(b);
    return TOKEN_PREFIX + B64.encodeToString(b);
  }

  /** The hash of {@code token} with a new random salt. */
  public static TokenHash of(String token) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return new TokenHash(salt, digest(salt, token));
  }

  /**
   * Reads {@code sha256:SALT:DIGEST} as {@link #toString()} writes it.
   *
   * @throws IllegalArgumentException saying what is wrong with it (the caller names file and line)
   */
  public static TokenHash parse(String field) {
    String[] parts = field.split(":", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "the hash must read "
              + SCHEME
              + ":SALT:DIGEST, found "
              + parts.length
              + " colon-separated parts");
    }
    if (!parts[0].equals(SCHEME)) {
      throw new IllegalArgumentException(
          "unknown hash scheme \""
              + clip(parts[0])
              + "\" (this Vera reads "
              + SCHEME
              + ":SALT:DIGEST)");
    }
    byte[] salt = decode(parts[1], "salt", SALT_BYTES);
    byte[] digest = decode(parts[2], "digest", DIGEST_BYTES);
    return new TokenHash(salt, digest);
  }

  /**
   * Whether {@code token} is the token this is the hash of. The digests are compared with {@link
   * MessageDigest#isEqual}, whose time does not depend on where they first differ.
   */
  public boolean matches(String token) {
    return MessageDigest.isEqual(digest, digest(salt, token));
  }

  /** {@code sha256:SALT:DIGEST}, the form the token file holds. */
  @Override
  public String toString() {
    return SCHEME + ":" + B64.encodeToString(salt) + ":" + B64.encodeToString(digest);
  }

  private static byte[] digest(byte[] salt, String token) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    sha.update(salt);
    return sha.digest(token.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] decode(String text, String what, int bytes) {
    byte[] b;
    try {
      b = B64_IN.decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the " + what + " is not base64url: " + e.getMessage(), e);
    }
    if (b.length != bytes) {
      throw new IllegalArgumentException(
          "the " + what + " is " + b.length + " bytes, not " + bytes + " (damaged or cut short?)");
    }
    return b;
  }

  private static String clip(String s) {
    return s.length() <= 20 ? s : s.substring(0, 20) + "…";
  }
}
