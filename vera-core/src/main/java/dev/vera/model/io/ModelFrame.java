package dev.vera.model.io;

import dev.vera.VeraVersion;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * The outer layer of a model file: a magic number, the format's name and version, a CRC-32 and the
 * length of the body, then the body deflated. It knows nothing of what the body holds; {@link
 * ModelFile} does.
 *
 * @param format the format's name, e.g. {@code vera-credibility}
 * @param version the format's version
 * @param body the uncompressed body
 */
record ModelFrame(String format, int version, byte[] body) {
  /** The first eight bytes of every Vera model file. */
  static final byte[] MAGIC = "VERAMODL".getBytes(StandardCharsets.US_ASCII);

  /** A longer body means a damaged file. */
  static final int MAX_BODY_BYTES = 1 << 30;

  /**
   * Deflate packs at most about 1,030 bytes into one; a real model packs 2 to 3. A body that
   * inflates more than this many times its compressed size is a bomb, refused before it fills the
   * heap.
   */
  static final int MAX_INFLATION_RATIO = 64;

  /**
   * A format a reader knows, and the versions of it that it reads.
   *
   * @param name the format's name
   * @param minVersion the oldest version read
   * @param maxVersion the newest version read
   */
  record Known(String name, int minVersion, int maxVersion) {
    @Override
    public String toString() {
      return minVersion == maxVersion
          ? name + " version " + minVersion
          : name + " versions " + minVersion + " to " + maxVersion;
    }
  }

  /** Writes the frame to a stream (not closed). */
  void write(OutputStream out) throws IOException {
    CRC32 crc = new CRC32();
    crc.update(body);
    ByteArrayOutputStream deflated = new ByteArrayOutputStream(body.length / 2);
    try (DeflaterOutputStream d = new DeflaterOutputStream(deflated)) {
      d.write(body);
    }
    DataOutputStream head = new DataOutputStream(out);
    head.write(MAGIC);
    head.writeUTF(format);
    head.writeInt(version);
    head.writeInt((int) crc.getValue());
    head.writeInt(body.length);
    deflated.writeTo(head);
    head.flush();
  }

  /**
   * Reads a frame, checking the magic, that the format and version are among {@code known}, and
   * that the body is whole (length and CRC).
   *
   * @param name how to name the source in errors
   * @throws ModelFormatException when it is not a Vera model, is damaged, or is of a format or
   *     version not known
   */
  static ModelFrame read(InputStream in, String name, List<Known> known) throws IOException {
    DataInputStream head = new DataInputStream(in);
    byte[] magic = head.readNBytes(MAGIC.length);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new ModelFormatException(
          name + ": not a Vera model file (it does not start with 'VERAMODL')");
    }
    try {
      String format = head.readUTF();
      int version = head.readInt();
      checkKnown(format, version, name, known);
      int expectedCrc = head.readInt();
      int length = head.readInt();
      if (length < 0 || length > MAX_BODY_BYTES) {
        throw ModelFormatException.damaged(name, "body length " + length);
      }
      byte[] body = inflateWhole(head, length, name);
      CRC32 crc = new CRC32();
      crc.update(body);
      if ((int) crc.getValue() != expectedCrc) {
        throw damaged(name);
      }
      return new ModelFrame(format, version, body);
    } catch (EOFException | ZipException e) {
      throw ModelFormatException.damaged(name, "ends too early", e);
    }
  }

  private static void checkKnown(String format, int version, String name, List<Known> known)
      throws ModelFormatException {
    Known match = known.stream().filter(k -> k.name().equals(format)).findFirst().orElse(null);
    String reads = known.stream().map(Known::toString).collect(Collectors.joining(" and "));
    if (match == null) {
      throw new ModelFormatException(
          name
              + ": model format '"
              + format
              + "' is not one this Vera reads (it reads "
              + reads
              + ")");
    }
    if (version < match.minVersion() || version > match.maxVersion()) {
      throw new ModelFormatException(
          name
              + ": model format version "
              + version
              + " is not supported; this Vera ("
              + VeraVersion.get()
              + ") reads "
              + reads
              + ". Use the Vera release that wrote it, or retrain with this one.");
    }
  }

  /**
   * Inflates exactly {@code length} bytes and checks that the deflate stream ends there: reading on
   * to its end makes the inflater check its trailer, so a file cut within its last few bytes is
   * refused too, not only one cut inside the body.
   */
  private static byte[] inflateWhole(InputStream deflated, int length, String name)
      throws IOException {
    Inflater inflater = new Inflater();
    try {
      InflaterInputStream inflating = new InflaterInputStream(deflated, inflater);
      byte[] body = inflate(inflating, inflater, length, name);
      if (body.length != length || inflating.read() >= 0) {
        throw damaged(name);
      }
      return body;
    } finally {
      inflater.end();
    }
  }

  /**
   * Inflates at most {@code declared} bytes, growing the buffer only as bytes arrive (never
   * trusting the declared size for an allocation), and refuses inflation far beyond the compressed
   * bytes read.
   */
  private static byte[] inflate(InputStream inflating, Inflater inflater, int declared, String name)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(declared, 1 << 20));
    byte[] buffer = new byte[1 << 16];
    while (out.size() < declared) {
      int n = inflating.read(buffer, 0, Math.min(buffer.length, declared - out.size()));
      if (n < 0) {
        break;
      }
      out.write(buffer, 0, n);
      if (out.size() > (1 << 20) && out.size() / MAX_INFLATION_RATIO > inflater.getBytesRead()) {
        throw ModelFormatException.damaged(
            name,
            "its body inflates over "
                + MAX_INFLATION_RATIO
                + " times its compressed size, toward the "
                + declared
                + " bytes it claims");
      }
    }
    return out.toByteArray();
  }

  private static ModelFormatException damaged(String name) {
    return ModelFormatException.damaged(name, "checksum mismatch; was it truncated or edited?");
  }
}
