package dev.vera.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of the peer yardstick ({@code shared/tools/loco_peer.py}: scikit-learn TF-IDF and
 * logistic regression under the same protocol), read from its JSON lines so that a report puts them
 * beside Vera's. The peer is a yardstick, never a dependency: Vera only reads its output.
 *
 * @param holdout per held-out corpus
 * @param inDomain per corpus, the all-corpora peer on its test part
 */
public record PeerYardstick(Map<String, Figures> holdout, Map<String, Figures> inDomain) {

  /** One peer figure set. */
  public record Figures(int n, double rocAuc, double macroF1, double ece) {}

  /**
   * Reads the yardstick's output: one JSON object a line with {@code kind} ({@code loco} or {@code
   * all-corpora:test}), {@code set}, {@code n}, {@code roc_auc}, {@code macro_f1}, {@code ece};
   * other kinds are ignored.
   *
   * @throws IOException naming the file and line of a line that is not such an object
   */
  public static PeerYardstick read(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, Figures> holdout = new LinkedHashMap<>();
    Map<String, Figures> inDomain = new LinkedHashMap<>();
    int line = 0;
    for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      line++;
      if (text.isBlank()) {
        continue;
      }
      JsonNode n;
      try {
        n = json.readTree(text);
      } catch (IOException e) {
        throw new IOException(file + ":" + line + ": not a JSON line of the peer yardstick", e);
      }
      if (!n.isObject() || !n.path("set").isTextual() || !n.path("roc_auc").isNumber()) {
        throw new IOException(
            file + ":" + line + ": a peer line needs 'kind', 'set' and 'roc_auc'");
      }
      Figures f =
          new Figures(
              n.path("n").asInt(),
              n.path("roc_auc").asDouble(),
              n.path("macro_f1").asDouble(Double.NaN),
              n.path("ece").asDouble(Double.NaN));
      String kind = n.path("kind").asText();
      if (kind.equals("loco")) {
        holdout.put(n.path("set").asText(), f);
      } else if (kind.equals("all-corpora:test")) {
        inDomain.put(n.path("set").asText(), f);
      }
    }
    return new PeerYardstick(Map.copyOf(holdout), Map.copyOf(inDomain));
  }
}
