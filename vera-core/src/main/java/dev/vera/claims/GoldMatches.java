package dev.vera.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Gold pairs of claim matching, in the shape of CheckThat! 2021 2B ({@code
 * politifact_factchecks/claim_matches.jsonl}): JSONL {@code {iclaim_id, iclaim, vclaim_id, split}},
 * one matching pair a line, grouped here into one query per sentence.
 */
public final class GoldMatches {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GoldMatches() {}

  /**
   * One gold query: a sentence and the ids of the fact-checks that match it.
   *
   * @param split the part it belongs to ({@code train}, {@code valid}, {@code test})
   */
  public record Query(String id, String text, String split, Set<String> relevant) {
    public Query {
      relevant = Set.copyOf(relevant);
    }
  }

  /**
   * Reads the queries of {@code file}, in the order their sentences first appear.
   *
   * @param problems told of each bad line, as {@code FILE:LINE: problem}; the line is skipped
   */
  public static List<Query> read(Path file, Consumer<String> problems) throws IOException {
    Map<String, Query> byId = new LinkedHashMap<>();
    Map<String, Set<String>> relevant = new LinkedHashMap<>();
    int lineNo = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode n;
        try {
          n = JSON.readTree(line);
        } catch (IOException e) {
          problems.accept(file + ":" + lineNo + ": not JSON");
          continue;
        }
        String id = n.path("iclaim_id").asText("");
        String text = n.path("iclaim").asText("");
        String vclaim = n.path("vclaim_id").asText("");
        String split = n.path("split").asText("");
        if (id.isEmpty() || text.isEmpty() || vclaim.isEmpty() || split.isEmpty()) {
          problems.accept(file + ":" + lineNo + ": needs iclaim_id, iclaim, vclaim_id and split");
          continue;
        }
        byId.putIfAbsent(id, new Query(id, text, split, Set.of()));
        relevant.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(vclaim);
      }
    }
    List<Query> out = new ArrayList<>(byId.size());
    for (Query q : byId.values()) {
      out.add(new Query(q.id(), q.text(), q.split(), relevant.get(q.id())));
    }
    return out;
  }
}
