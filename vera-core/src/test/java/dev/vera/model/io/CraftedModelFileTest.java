package dev.vera.model.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vera.model.CredibilityModel;
import dev.vera.model.LinearTrainer;
import dev.vera.model.ProgressListener;
import dev.vera.testing.FixtureModels;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Model files crafted to break the reader: counts inside a body with a valid CRC, a deflate bomb,
 * and a seeded mutation loop over real model files. Every one ends in a {@link
 * ModelFormatException} naming the file (exit code 3 in the CLI), never an array, JSON or memory
 * error.
 */
class CraftedModelFileTest {
  private static final String NAME = "crafted.vera";
  private static final int[] INTERESTING = {
    0, -1, -5, 1, 7, 0x7ffffff0, Integer.MIN_VALUE, Integer.MAX_VALUE, 1 << 20, 1 << 30, 65536
  };

  /** The inflated bodies of two real models: with neighbours (version 3) and linear (version 2). */
  private static List<Seed> seeds;

  private record Seed(int version, byte[] raw) {}

  @BeforeAll
  static void models() throws IOException {
    CredibilityModel withNeighbours = FixtureModels.model();
    CredibilityModel linear =
        new LinearTrainer(FixtureModels.smallConfig().withNeighbours(null))
            .train(FixtureModels.trainingSet(), ProgressListener.NONE);
    seeds = List.of(seed(withNeighbours), seed(linear));
  }

  private static Seed seed(CredibilityModel m) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ModelFile.write(m, bytes);
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    in.readNBytes(ModelFile.MAGIC.length);
    in.readUTF();
    int version = in.readInt();
    in.readInt();
    int rawLength = in.readInt();
    byte[] raw = new InflaterInputStream(in).readNBytes(rawLength);
    return new Seed(version, raw);
  }

  /** A model file around {@code raw}, with a CRC that matches it and the length it claims. */
  static byte[] file(int version, byte[] raw, int declaredLength) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(out);
    d.write(ModelFile.MAGIC);
    d.writeUTF(ModelFile.FORMAT);
    d.writeInt(version);
    CRC32 crc = new CRC32();
    crc.update(raw);
    d.writeInt((int) crc.getValue());
    d.writeInt(declaredLength);
    try (DeflaterOutputStream z = new DeflaterOutputStream(d)) {
      z.write(raw);
    }
    return out.toByteArray();
  }

  private static void assertRefusedCleanly(byte[] file, String what) {
    try {
      ModelFile.read(new ByteArrayInputStream(file), NAME);
    } catch (ModelFormatException e) {
      assertTrue(
          e.getMessage().startsWith(NAME + ": "),
          what + ": the message must name the file: " + e.getMessage());
    } catch (Throwable t) {
      fail(what + ": " + t, t);
    }
  }

  private static byte[] withInt(byte[] raw, int offset, int value) {
    byte[] copy = raw.clone();
    ByteBuffer.wrap(copy).putInt(offset, value);
    return copy;
  }

  /** Offset of the kept-slot count: after the header's length and its JSON. */
  private static int keptOffset(byte[] raw) {
    return 4 + ByteBuffer.wrap(raw).getInt(0);
  }

  @Test
  void aHugeKeptSlotCountIsRefusedNamingTheFile() throws IOException {
    Seed s = seeds.get(0);
    byte[] raw = withInt(s.raw(), keptOffset(s.raw()), 0x7ffffff0);
    ModelFormatException e =
        assertThrows(
            ModelFormatException.class,
            () ->
                ModelFile.read(new ByteArrayInputStream(file(s.version(), raw, raw.length)), NAME));
    assertTrue(
        e.getMessage().startsWith(NAME + ": damaged model file (kept feature slots: 2147483632"),
        e.getMessage());
  }

  @Test
  void aNegativeCountIsRefusedNamingTheFile() throws IOException {
    Seed s = seeds.get(1);
    byte[] raw = withInt(s.raw(), 0, -5);
    ModelFormatException e =
        assertThrows(
            ModelFormatException.class,
            () ->
                ModelFile.read(new ByteArrayInputStream(file(s.version(), raw, raw.length)), NAME));
    assertTrue(
        e.getMessage().startsWith(NAME + ": damaged model file (header length: -5"),
        e.getMessage());
  }

  /** Counts the compressed bytes the reader took. */
  private static final class Counting extends FilterInputStream {
    long read;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      read += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      read += Math.max(0, n);
      return n;
    }
  }

  /**
   * Zeros deflate a thousand to one: 64 MiB of them claimed as the body. The reader stops after the
   * first few compressed kilobytes instead of inflating all of it into the heap.
   */
  @Test
  void aDeflateBombIsRefusedEarly() throws IOException {
    int claimed = 64 << 20;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(out);
    d.write(ModelFile.MAGIC);
    d.writeUTF(ModelFile.FORMAT);
    d.writeInt(ModelFile.VERSION);
    d.writeInt(0);
    d.writeInt(claimed);
    try (DeflaterOutputStream z = new DeflaterOutputStream(d)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        z.write(zeros);
      }
    }
    byte[] bomb = out.toByteArray();
    Counting in = new Counting(new ByteArrayInputStream(bomb));
    ModelFormatException e =
        assertThrows(ModelFormatException.class, () -> ModelFile.read(in, NAME));
    assertTrue(
        e.getMessage().startsWith(NAME + ": damaged model file (its body inflates over"),
        e.getMessage());
    assertTrue(
        in.read < bomb.length / 4,
        "read " + in.read + " of " + bomb.length + " bytes before refusing");
  }

  /**
   * A seeded mutation loop, a bounded number of inputs: interesting numbers written anywhere in a
   * valid body (CRC fixed up, so the parser sees them), flipped bytes, cuts, repeated chunks, a
   * wrong declared length, and damage to the compressed file itself.
   */
  @Test
  void mutatedModelFilesGiveOnlyCleanErrors() throws IOException {
    Random random = new Random(20261204L);
    int inputs = 600;
    for (int i = 0; i < inputs; i++) {
      Seed s = seeds.get(random.nextInt(seeds.size()));
      byte[] raw = s.raw().clone();
      int declared = -1;
      String what;
      switch (random.nextInt(7)) {
        case 0, 1 -> {
          int at = random.nextInt(raw.length - 4);
          int v =
              random.nextBoolean()
                  ? INTERESTING[random.nextInt(INTERESTING.length)]
                  : random.nextInt();
          raw = withInt(raw, at, v);
          what = "int " + v + " at " + at;
        }
        case 2 -> {
          int flips = 1 + random.nextInt(8);
          for (int f = 0; f < flips; f++) {
            raw[random.nextInt(raw.length)] ^= (byte) (1 << random.nextInt(8));
          }
          what = flips + " flipped bits";
        }
        case 3 -> {
          int cut = random.nextInt(raw.length);
          raw = Arrays.copyOf(raw, cut);
          what = "body cut at " + cut;
        }
        case 4 -> {
          int from = random.nextInt(raw.length);
          int len = Math.min(raw.length - from, 1 + random.nextInt(64));
          int to = random.nextInt(raw.length);
          byte[] grown = new byte[raw.length + len];
          System.arraycopy(raw, 0, grown, 0, to);
          System.arraycopy(raw, from, grown, to, len);
          System.arraycopy(raw, to, grown, to + len, raw.length - to);
          raw = grown;
          what = len + " bytes repeated at " + to;
        }
        case 5 -> {
          declared =
              random.nextBoolean()
                  ? raw.length + 1 + random.nextInt(1 << 20)
                  : random.nextInt(raw.length);
          what = "declared length " + declared + " for " + raw.length;
        }
        default -> {
          byte[] f = file(s.version(), raw, raw.length);
          int at = 8 + random.nextInt(f.length - 8);
          if (random.nextBoolean()) {
            f = Arrays.copyOf(f, at);
            what = "file cut at " + at;
          } else {
            f[at] ^= (byte) (1 << random.nextInt(8));
            what = "file bit flipped at " + at;
          }
          assertRefusedCleanly(f, "input " + i + " (" + what + ")");
          continue;
        }
      }
      assertRefusedCleanly(
          file(s.version(), raw, declared < 0 ? raw.length : declared),
          "input " + i + " (" + what + ")");
    }
  }
}
