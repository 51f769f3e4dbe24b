package dev.vera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vera.model.CredibilityModel;
import dev.vera.model.ModelCard;
import dev.vera.output.VerdictJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a model card says of its corpora beyond what training measures: each corpus's licence (a
 * tab-separated file: corpus, licence) and the held-out figures of the same recipe (the JSON of
 * {@code vera generalization}).
 */
final class CardNotes {
  private CardNotes() {}

  /** The model with the notes in its card; each file may be null. */
  static CredibilityModel apply(
      CredibilityModel model, @Nullable Path licences, @Nullable Path generalization)
      throws IOException {
    Map<String, String> licence = licences == null ? Map.of() : licences(licences);
    Map<String, ModelCard.HeldOut> heldOut =
        generalization == null ? Map.of() : heldOut(generalization);
    List<ModelCard.CorpusCard> corpora = new ArrayList<>();
    for (ModelCard.CorpusCard c : model.card().corpora()) {
      corpora.add(
          c.with(
              licence.getOrDefault(c.name(), c.licence()),
              heldOut.getOrDefault(c.name(), c.heldOut())));
    }
    return model.withCard(model.card().withCorpora(corpora));
  }

  /** Corpus → licence, from lines {@code corpus<TAB>licence}; {@code #} starts a comment line. */
  static Map<String, String> licences(Path file) throws IOException {
    Map<String, String> out = new HashMap<>();
    int n = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab <= 0 || tab == line.length() - 1) {
        throw new IOException(file + ":" + n + ": expected 'corpus<TAB>licence'");
      }
      out.put(line.substring(0, tab).strip(), line.substring(tab + 1).strip());
    }
    return out;
  }

  /** Corpus → its held-out figures, from {@code vera generalization --json}. */
  static Map<String, ModelCard.HeldOut> heldOut(Path file) throws IOException {
    JsonNode root = VerdictJson.mapper().readTree(file.toFile());
    if (!root.path("holdout").isArray()) {
      throw new IOException(file + ": not the JSON of vera generalization (no 'holdout' list)");
    }
    Map<String, ModelCard.HeldOut> out = new HashMap<>();
    for (JsonNode h : root.path("holdout")) {
      out.put(
          h.path("corpus").asText(),
          new ModelCard.HeldOut(
              h.path("n").asInt(),
              number(h.path("roc_auc")),
              number(h.path("macro_f1")),
              number(h.path("macro_f1_at_true_rate")),
              number(h.path("ece")),
              number(h.path("applicability").path("auroc"))));
    }
    return out;
  }

  private static double number(JsonNode n) {
    return n.isNumber() ? n.asDouble() : Double.NaN;
  }
}
