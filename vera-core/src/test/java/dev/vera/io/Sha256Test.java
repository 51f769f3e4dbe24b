package dev.vera.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
  // FIPS 180-2, appendix B.1 and the empty message.
  private static final String ABC =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  private static final String EMPTY =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @TempDir Path tmp;

  @Test
  void bytesStreamsAndFilesGiveTheStandardDigests() throws IOException {
    byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
    assertEquals(ABC, Sha256.hex(abc));
    assertEquals(EMPTY, Sha256.hex(new byte[0]));
    assertEquals(ABC, Sha256.hex(new ByteArrayInputStream(abc)));
    Path f = Files.write(tmp.resolve("abc.txt"), abc);
    assertEquals(ABC, Sha256.hex(f));
    // A file larger than any read buffer digests like its bytes.
    byte[] big = new byte[300_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31);
    }
    assertEquals(Sha256.hex(big), Sha256.hex(Files.write(tmp.resolve("big.bin"), big)));
  }

  @Test
  void aStreamIsReadToItsEndAndLeftOpenForItsOwner() throws IOException {
    boolean[] closed = {false};
    ByteArrayInputStream in =
        new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    assertEquals(ABC, Sha256.hex(in));
    assertEquals(-1, in.read());
    assertFalse(closed[0], "the caller opened the stream and closes it");
  }
}
