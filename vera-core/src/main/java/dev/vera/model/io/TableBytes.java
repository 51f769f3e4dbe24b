package dev.vera.model.io;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The byte-level pieces the table codecs share: counts checked before anything is allocated for
 * them, and variable-length numbers.
 */
final class TableBytes {
  private TableBytes() {}

  /**
   * Reads a count of items of at least {@code bytesEach} bytes each, refused when negative or when
   * the bytes that remain cannot hold that many: no allocation follows an unchecked count.
   */
  static int count(DataInputStream body, int bytesEach, String what, String name)
      throws IOException {
    int n = body.readInt();
    if (n < 0 || (long) n * bytesEach > body.available()) {
      throw ModelFormatException.damaged(
          name, what + ": " + n + ", more than the " + body.available() + " bytes left hold");
    }
    return n;
  }

  /** A non-negative int in 7-bit groups, low first: small gaps take one byte. */
  static void writeVarInt(DataOutputStream out, int v) throws IOException {
    while ((v & ~0x7f) != 0) {
      out.writeByte((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.writeByte(v);
  }

  static int readVarInt(DataInputStream in, String name) throws IOException {
    int v = 0;
    for (int shift = 0; shift < 32; shift += 7) {
      int b = in.readUnsignedByte();
      v |= (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw ModelFormatException.damaged(name, "a number runs over 5 bytes");
  }
}
