package dev.vera.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.article.Article;
import dev.vera.model.CredibilityModel;
import dev.vera.model.Explanation;
import dev.vera.model.LinearTrainer;
import dev.vera.model.NeighbourIndex;
import dev.vera.model.ProgressListener;
import dev.vera.model.ScoringOptions;
import dev.vera.model.SourceReputation;
import dev.vera.model.Verdict;
import dev.vera.testing.FixtureCorpus;
import dev.vera.testing.FixtureModels;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
  /** Where the version int sits: after the magic and the codec name in modified UTF-8. */
  static final int VERSION_OFFSET =
      ModelFile.MAGIC.length + 2 + ModelFile.FORMAT.getBytes(StandardCharsets.UTF_8).length;

  /** The first byte of the deflated body: after the version, the CRC-32 and the body length. */
  static final int BODY_OFFSET = VERSION_OFFSET + 12;

  private static CredibilityModel model;
  private static byte[] bytes;

  @TempDir Path dir;

  @BeforeAll
  static void write() throws IOException {
    model = FixtureModels.model();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ModelFile.write(model, out);
    bytes = out.toByteArray();
  }

  @Test
  void roundTripKeepsEveryPredictionBitForBit() throws IOException {
    Path file = dir.resolve("sub/model.vera");
    ModelFile.write(model, file);
    CredibilityModel back = ModelFile.read(file);

    assertEquals(model.card(), back.card());
    assertArrayEquals(model.weights(), back.weights());
    assertEquals(model.intercept(), back.intercept());
    assertEquals(model.calibrator(), back.calibrator());
    assertEquals(model.combiner(), back.combiner());
    assertArrayEquals(model.trainingHashes(), back.trainingHashes());
    assertArrayEquals(model.vectorizer().idf(), back.vectorizer().idf());
    assertFalse(
        model.vectorizer().config().spaceWeights().isEmpty(),
        "the fixture model should weight its spaces, so that the weights are round-tripped");
    assertEquals(model.vectorizer().config(), back.vectorizer().config());
    assertReputationEquals(model.reputation(), back.reputation());
    assertEquals(model.stack(), back.stack());
    NeighbourIndex near = model.neighbours();
    NeighbourIndex nearBack = back.neighbours();
    assertEquals(near.settings(), nearBack.settings());
    assertArrayEquals(near.idf(), nearBack.idf());
    assertArrayEquals(near.postingStarts(), nearBack.postingStarts());
    assertArrayEquals(near.postingDocs(), nearBack.postingDocs());
    assertArrayEquals(near.postingWeights(), nearBack.postingWeights());
    assertArrayEquals(near.labels(), nearBack.labels());
    assertArrayEquals(near.ids(), nearBack.ids());
    assertEquals(near.publishers(), nearBack.publishers());
    assertArrayEquals(near.publisherOf(), nearBack.publisherOf());
    assertArrayEquals(near.stories().titles(), nearBack.stories().titles());
    assertArrayEquals(near.stories().dates(), nearBack.stories().dates());
    assertArrayEquals(near.stories().urls(), nearBack.stories().urls());
    List<ScoringOptions> options =
        List.of(
            ScoringOptions.DEFAULT, new ScoringOptions(true, null), new ScoringOptions(false, 0.3));
    for (Article a : FixtureCorpus.articles()) {
      assertEquals(model.rawScore(a), back.rawScore(a), a.id());
      for (ScoringOptions o : options) {
        Verdict v = model.predict(a, o);
        Verdict w = back.predict(a, o);
        // Record equality compares doubles bit for bit.
        assertEquals(v, w, a.id());
      }
      assertEquals(model.trainedOn(a), back.trainedOn(a));
    }
    Article a = FixtureCorpus.articles().get(7);
    Explanation e = model.explain(a, ScoringOptions.DEFAULT, 5, true);
    assertEquals(e, back.explain(a, ScoringOptions.DEFAULT, 5, true));
  }

  private static void assertReputationEquals(SourceReputation a, SourceReputation b) {
    assertEquals(a.prior(), b.prior());
    assertEquals(a.smoothing(), b.smoothing());
    assertEquals(a.ratings(), b.ratings());
    assertArrayEquals(a.ratingWeights(), b.ratingWeights());
    assertEquals(a.counts().keySet(), b.counts().keySet());
    for (Map.Entry<String, int[]> e : a.counts().entrySet()) {
      assertArrayEquals(e.getValue(), b.counts().get(e.getKey()), e.getKey());
    }
  }

  @Test
  void streamAndFileFormsAreTheSameBytesApartFromNothing() throws IOException {
    CredibilityModel back = ModelFile.read(new ByteArrayInputStream(bytes), "mem");
    assertEquals(model.card(), back.card());
    Path file = dir.resolve("model.vera");
    ModelFile.write(model, file);
    assertArrayEquals(bytes, Files.readAllBytes(file), "the file holds exactly the stream form");
  }

  /** The atomic write leaves no temporary file behind, and replaces an existing file. */
  @Test
  void writeIsAtomicAndLeavesNoTemporaryFiles() throws IOException {
    Path file = dir.resolve("model.vera");
    Files.writeString(file, "old content");
    ModelFile.write(model, file);
    ModelFile.write(model, file);
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(List.of(file), s.toList());
    }
    assertEquals(model.card(), ModelFile.read(file).card());
  }

  @Test
  void startsWithTheMagicAndIsNotJavaSerialization() {
    assertFalse(
        (bytes[0] & 0xff) == 0xAC && (bytes[1] & 0xff) == 0xED,
        "a model file must not be a Java serialization stream");
    assertArrayEquals(ModelFile.MAGIC, Arrays.copyOf(bytes, 8));
    assertEquals("VERAMODL", new String(bytes, 0, 8, StandardCharsets.US_ASCII));
    assertEquals(ModelFile.VERSION, ByteBuffer.wrap(bytes, VERSION_OFFSET, 4).getInt());
  }

  /**
   * A model whose text score stacks no neighbours keeps its neighbour index for applicability
   * alone; the header names the stack, so that the index is not mistaken for one the score reads.
   */
  @Test
  void aLinearModelKeepsItsIndexForApplicabilityOnly() throws IOException {
    CredibilityModel linear =
        new LinearTrainer(FixtureModels.smallConfig().withNeighbours(null))
            .train(FixtureModels.trainingSet(), ProgressListener.NONE);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ModelFile.write(linear, out);
    byte[] b = out.toByteArray();
    assertEquals(ModelFile.VERSION, ByteBuffer.wrap(b, VERSION_OFFSET, 4).getInt());
    CredibilityModel back = ModelFile.read(new ByteArrayInputStream(b), "linear");
    assertNull(back.stack());
    assertNotNull(back.neighbours());
    assertNotNull(
        back.predict(FixtureCorpus.articles().get(0), ScoringOptions.DEFAULT).applicability());
    for (Article a : FixtureCorpus.articles()) {
      assertEquals(
          linear.predict(a, ScoringOptions.DEFAULT), back.predict(a, ScoringOptions.DEFAULT));
      assertEquals(
          linear.calibrator().probability(linear.rawScore(a)),
          back.predict(a, ScoringOptions.DEFAULT).textProbabilityFake());
    }
  }

  @Test
  void unknownVersionIsRefusedNamingVersionAndRange() throws IOException {
    for (int version : new int[] {6, 8, 99, 0, -1}) {
      byte[] patched = bytes.clone();
      ByteBuffer.wrap(patched, VERSION_OFFSET, 4).putInt(version);
      Path file = dir.resolve("v" + version + ".vera");
      Files.write(file, patched);

      ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read(file));
      String m = e.getMessage();
      assertTrue(m.startsWith(file + ": model format version " + version + " is not supported"), m);
      assertTrue(m.contains("reads vera-credibility version 7 and vera-linear versions 1 to 6"), m);
    }
  }

  @Test
  void otherCodecIsRefused() {
    byte[] patched = bytes.clone();
    patched[VERSION_OFFSET - 1] = 'X'; // vera-credibility -> vera-credibilitX
    ModelFormatException e =
        assertThrows(
            ModelFormatException.class,
            () -> ModelFile.read(new ByteArrayInputStream(patched), "odd.vera"));
    assertEquals(
        "odd.vera: model format 'vera-credibilitX' is not one this Vera reads (it reads"
            + " vera-credibility version 7 and vera-linear versions 1 to 6)",
        e.getMessage());
  }

  @Test
  void wrongMagicIsNotAVeraModelFile() throws IOException {
    byte[] javaSerialized = {(byte) 0xAC, (byte) 0xED, 0, 5, 's', 'r', 0, 1, 'x', 'y'};
    for (byte[] content :
        List.of(
            "{\"model\": true}\n".getBytes(StandardCharsets.UTF_8),
            javaSerialized,
            new byte[0],
            "VERA".getBytes(StandardCharsets.US_ASCII))) {
      Path file = dir.resolve("not-a-model.vera");
      Files.write(file, content);
      ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read(file));
      assertEquals(
          file + ": not a Vera model file (it does not start with 'VERAMODL')", e.getMessage());
    }
  }

  /** A file cut anywhere after the magic is damaged, whether in the header or the body. */
  @Test
  void truncatedFileIsRefusedAsDamaged() {
    int[] cuts = {
      9,
      VERSION_OFFSET + 2,
      BODY_OFFSET - 3,
      BODY_OFFSET,
      BODY_OFFSET + 10,
      bytes.length / 2,
      bytes.length - 100,
      bytes.length - 5,
      bytes.length - 1
    };
    for (int cut : cuts) {
      byte[] truncated = Arrays.copyOf(bytes, cut);
      ModelFormatException e =
          assertThrows(
              ModelFormatException.class,
              () -> ModelFile.read(new ByteArrayInputStream(truncated), "cut.vera"),
              "cut at " + cut + " of " + bytes.length);
      assertTrue(
          e.getMessage().startsWith("cut.vera: damaged model file"), cut + ": " + e.getMessage());
    }
  }

  /** One changed byte anywhere past the format header is caught by the checksum or the inflater. */
  @Test
  void flippedByteIsRefusedAsDamaged() {
    int step = Math.max(1, (bytes.length - BODY_OFFSET) / 40);
    List<Integer> positions = new ArrayList<>();
    for (int i = VERSION_OFFSET + 4; i < BODY_OFFSET; i++) {
      positions.add(i); // the CRC and the body length
    }
    for (int i = BODY_OFFSET; i < bytes.length; i += step) {
      positions.add(i);
    }
    positions.add(bytes.length - 1);
    for (int pos : positions) {
      byte[] flipped = bytes.clone();
      flipped[pos] ^= 0x5A;
      ModelFormatException e =
          assertThrows(
              ModelFormatException.class,
              () -> ModelFile.read(new ByteArrayInputStream(flipped), "flip.vera"),
              "flipped byte " + pos + " of " + bytes.length);
      assertTrue(
          e.getMessage().startsWith("flip.vera: damaged model file"), pos + ": " + e.getMessage());
    }
  }
}
