package dev.vera.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vera.embed.SentenceEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fact-check index with the claims' embeddings, from the real encoder. */
class FactCheckIndexEmbeddingsTest {
  /**
   * With the claims' embeddings, a paraphrase that shares no word with the fact-check's wording is
   * found, and the mix ranks it first; BM25 alone cannot see it.
   */
  @Test
  void embeddingsFindAParaphraseThatSharesNoWord(@TempDir Path dir) throws IOException {
    List<FactCheck> records =
        List.of(
            new FactCheck(
                "crime",
                "Murders in Chicago have doubled since 2015.",
                "false",
                "X",
                null,
                null,
                null),
            new FactCheck(
                "tax",
                "Texas raised its sales tax by three percent.",
                "false",
                "X",
                null,
                null,
                null),
            new FactCheck(
                "coal",
                "Coal mining jobs in Kentucky fell by half.",
                "true",
                "X",
                null,
                null,
                null),
            new FactCheck(
                "film",
                "The actor won two Oscars for the same role.",
                "false",
                "X",
                null,
                null,
                null));
    AtomicLong embedded = new AtomicLong();
    FactCheckIndex.build(dir, records, List.of(), SentenceEncoder.bundled(), embedded::set);
    assertEquals(4, embedded.get());
    assertTrue(Files.isRegularFile(dir.resolve(FactCheckIndex.VECTORS)));
    String query = "The number of killings in the Windy City went up twofold over the past years.";
    try (FactCheckIndex index = FactCheckIndex.open(dir)) {
      assertTrue(index.hasEmbeddings());
      assertEquals(MatchSettings.DEFAULT_WITH_EMBEDDINGS, index.settings());
      assertTrue(
          index.search(query, 4, 0, 0).stream().noneMatch(h -> h.factCheck().id().equals("crime")),
          "BM25 shares no word with the paraphrase");
      List<FactCheckIndex.Hit> mixed = index.search(query, 4, 0, 0.75);
      assertEquals("crime", mixed.get(0).factCheck().id());
      assertEquals(records.get(0), mixed.get(0).factCheck());
      assertTrue(mixed.get(0).score() > mixed.get(1).score());
      // A hit BM25 also found keeps its place number and its stored fields.
      FactCheckIndex.Hit coal = index.search("coal jobs in Kentucky", 1, 0, 0.75).get(0);
      assertEquals("coal", coal.factCheck().id());
      assertEquals(2, coal.position());
    }
    FactCheckIndex.writeSettings(dir, new MatchSettings(0, 0.75, 0.5), "test");
    try (FactCheckIndex index = FactCheckIndex.open(dir)) {
      assertEquals(0.75, index.embeddingWeight());
      assertEquals("crime", index.search(query, 1).get(0).factCheck().id());
    }
  }

  /** An index whose vectors file does not match its manifest is refused, saying to rebuild. */
  @Test
  void refusesVectorsThatDoNotMatchTheManifest(@TempDir Path dir) throws IOException {
    FactCheckIndex.build(
        dir,
        List.of(new FactCheck("a", "Taxes rose.", "false", "X", null, null, null)),
        List.of(),
        SentenceEncoder.bundled(),
        d -> {});
    byte[] vectors = Files.readAllBytes(dir.resolve(FactCheckIndex.VECTORS));
    Files.write(dir.resolve(FactCheckIndex.VECTORS), Arrays.copyOf(vectors, vectors.length - 8));
    IOException e = assertThrows(IOException.class, () -> FactCheckIndex.open(dir));
    assertTrue(e.getMessage().contains("cut short; rebuild the index"), e.getMessage());
  }
}
