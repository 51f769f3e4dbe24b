package dev.vera.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactCheckIndexTest {
  static final String RECORDS =
      String.join(
          "\n",
          "{\"id\": \"pf-1\", \"claim\": \"Says the murder rate in Chicago doubled last year.\","
              + " \"verdict\": \"false\", \"publisher\": \"PolitiFact\", \"url\":"
              + " \"https://example.org/1\", \"date\": \"2019-10-29\", \"speaker\": \"A\"}",
          "{\"claim\": \"Obamacare premiums have doubled in Wisconsin.\", \"verdict\": \"half-true\","
              + " \"publisher\": \"Fact Desk\", \"url\": \"https://example.org/2\", \"date\":"
              + " \"2017-06-15\"}",
          "",
          "{\"claim\": \"no verdict here\", \"publisher\": \"X\"}",
          "{\"claim\": \"Bad date.\", \"verdict\": \"true\", \"publisher\": \"X\", \"date\": \"June 5\"}",
          "{\"claim\": \"Extra.\", \"verdict\": \"true\", \"publisher\": \"X\", \"rating\": 3}",
          "[1, 2]",
          "{\"id\": \"liar-7\", \"title\": null, \"text\": \"Wind power creates more jobs than coal in"
              + " Iowa.\", \"date\": null, \"url\": null, \"label\": \"mostly-true\", \"split\":"
              + " \"train\", \"speaker\": \"b\"}",
          "{\"id\": \"pf-4\", \"claim\": \"Coal mining jobs in Kentucky fell by half.\", \"verdict\":"
              + " \"true\", \"publisher\": \"PolitiFact\"}");

  static Path write(Path dir) throws IOException {
    Path f = dir.resolve("checks.jsonl");
    Files.writeString(f, RECORDS + "\n", StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void readsBothShapesAndNamesEveryBadLine(@TempDir Path dir) throws IOException {
    Path f = write(dir);
    List<FactCheck> got = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    assertEquals(4, FactCheckReader.read(f, got::add, problems::add));
    assertEquals(
        List.of(
            f + ":4: 'verdict' is missing or empty",
            f + ":5: date must be YYYY-MM-DD, was 'June 5'",
            f + ":6: unknown field 'rating'",
            f + ":7: not a JSON object"),
        problems);
    assertEquals(
        new FactCheck(
            "checks.jsonl:2",
            "Obamacare premiums have doubled in Wisconsin.",
            "half-true",
            "Fact Desk",
            "https://example.org/2",
            "2017-06-15",
            null),
        got.get(1));
    assertEquals(
        new FactCheck(
            "liar-7",
            "Wind power creates more jobs than coal in Iowa.",
            "mostly-true",
            "PolitiFact (LIAR)",
            null,
            null,
            "b"),
        got.get(2));
  }

  @Test
  void aLineInAnotherEncodingIsReportedAndTheRestRead(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("latin1.jsonl");
    String good = "{\"claim\": \"A.\", \"verdict\": \"true\", \"publisher\": \"X\"}\n";
    byte[] latin1 =
        "{\"claim\": \"Caf\u00e9 prices doubled.\", \"verdict\": \"true\", \"publisher\": \"X\"}\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    try (var out = Files.newOutputStream(f)) {
      out.write(good.getBytes(StandardCharsets.UTF_8));
      out.write(latin1);
      out.write(good.getBytes(StandardCharsets.UTF_8));
    }
    List<FactCheck> got = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    assertEquals(2, FactCheckReader.read(f, got::add, problems::add));
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith(f + ":2: "), problems.get(0));
    assertTrue(problems.get(0).contains("UTF-8"), problems.get(0));
    assertEquals("latin1.jsonl:3", got.get(1).id());
  }

  @Test
  void buildsSearchesAndRecordsTheThreshold(@TempDir Path dir) throws IOException {
    List<FactCheck> records = new ArrayList<>();
    FactCheckReader.read(write(dir), records::add, p -> {});
    Path idx = dir.resolve("idx");
    assertEquals(4, FactCheckIndex.build(idx, records, List.of()).records());
    try (FactCheckIndex index = FactCheckIndex.open(idx)) {
      assertEquals(4, index.size());
      assertEquals(MatchSettings.DEFAULT_BM25, index.settings(), "built without embeddings");
      List<FactCheckIndex.Hit> hits = index.search("Coal jobs: did they fall in Kentucky?", 5);
      // Both coal records match; the Kentucky one shares three stems (coal, job, kentucki,
      // fell≠fall).
      assertEquals(List.of("pf-4", "liar-7"), hits.stream().map(h -> h.factCheck().id()).toList());
      assertTrue(hits.get(0).score() > hits.get(1).score());
      FactCheck top = index.search("murders in Chicago doubled", 1).get(0).factCheck();
      assertEquals(records.get(0), top);
      assertEquals(List.of(), index.search("the of and", 5));
      assertEquals(List.of(), index.search("zebra", 5));
    }
    FactCheckIndex.writeSettings(idx, new MatchSettings(0.5, 0.75, 2.5), "test");
    try (FactCheckIndex index = FactCheckIndex.open(idx)) {
      assertEquals(2.5, index.minScore());
      assertEquals("test", index.settingsChosenOn());
      assertEquals(0.5, index.titleWeight());
      // Built without embeddings: their weight does not apply, whatever was recorded.
      assertFalse(index.hasEmbeddings());
      assertEquals(0.0, index.embeddingWeight());
    }
  }

  @Test
  void aHeadlineAddsItsWeightedScore(@TempDir Path dir) throws IOException {
    FactCheck withTitle =
        new FactCheck(
            "a", "Taxes rose 3 percent.", "false", "X", null, null, null, "Texas tax claim");
    FactCheck without = new FactCheck("b", "Taxes rose in Texas.", "true", "X", null, null, null);
    FactCheckIndex.build(dir, List.of(withTitle, without), List.of());
    try (FactCheckIndex index = FactCheckIndex.open(dir)) {
      assertEquals(MatchSettings.DEFAULT_BM25.titleWeight(), index.titleWeight());
      double a0 = score(index.search("Texas taxes rose", 2, 0, 0), "a");
      double b0 = score(index.search("Texas taxes rose", 2, 0, 0), "b");
      double a1 = score(index.search("Texas taxes rose", 2, 0.5, 0), "a");
      double b1 = score(index.search("Texas taxes rose", 2, 0.5, 0), "b");
      assertEquals(b0, b1, 1e-6);
      assertTrue(a1 > a0, a0 + " then " + a1);
      assertEquals(
          "Texas tax claim",
          index.search("Texas taxes rose", 2, 0.5, 0).stream()
              .filter(h -> h.factCheck().id().equals("a"))
              .findFirst()
              .orElseThrow()
              .factCheck()
              .title());
    }
  }

  private static double score(List<FactCheckIndex.Hit> hits, String id) {
    return hits.stream()
        .filter(h -> h.factCheck().id().equals(id))
        .findFirst()
        .orElseThrow()
        .score();
  }

  @Test
  void refusesADirectoryThatIsNotAnIndex(@TempDir Path dir) throws IOException {
    IOException e = assertThrows(IOException.class, () -> FactCheckIndex.open(dir));
    assertTrue(e.getMessage().contains("not a Vera fact-check index"), e.getMessage());
    Files.writeString(
        dir.resolve(FactCheckIndex.MANIFEST), "{\"format\": \"vera-factchecks\", \"version\": 99}");
    e = assertThrows(IOException.class, () -> FactCheckIndex.open(dir));
    assertTrue(e.getMessage().contains("v99 is not supported"), e.getMessage());
    assertTrue(e.getMessage().contains("reads vera-factchecks v1 to v2"), e.getMessage());
  }
}
