package dev.vera.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.eval.Format;
import java.util.List;
import java.util.Locale;

/**
 * The figures of an {@link Ablation} as a terminal table, JSON and a Markdown table for the
 * evaluation document.
 *
 * @param recipe the recipe judged, in words
 * @param parts the changes judged
 * @param result what was measured
 */
public record AblationReport(String recipe, List<Ablation.Part> parts, Ablation.Result result) {
  private static final ObjectMapper JSON = new ObjectMapper();

  private List<String> corpora() {
    return List.copyOf(result.variants().get(0).rocAuc().keySet());
  }

  private String what(String variant) {
    if (variant.equals("full")) {
      return "the recipe as it is";
    }
    return parts.stream()
        .filter(p -> p.name().equals(variant))
        .map(Ablation.Part::what)
        .findFirst()
        .orElse(variant);
  }

  /** The tables for a terminal. */
  public String text() {
    StringBuilder sb =
        new StringBuilder("Leave-one-corpus-out ROC-AUC of each change to the recipe\n");
    sb.append(String.format(Locale.ROOT, "%-22s", "variant"));
    for (String c : corpora()) {
      sb.append(String.format(Locale.ROOT, " %10s", shorten(c)));
    }
    sb.append(String.format(Locale.ROOT, " %8s%n", "mean"));
    for (Ablation.VariantFigures v : result.variants()) {
      sb.append(String.format(Locale.ROOT, "%-22s", v.variant()));
      for (String c : corpora()) {
        sb.append(String.format(Locale.ROOT, " %10s", Format.fixed(v.rocAuc().get(c), 4)));
      }
      sb.append(String.format(Locale.ROOT, " %8s%n", Format.fixed(v.mean(), 4)));
    }
    sb.append(
        "\nNested choice (each held-out corpus's changes chosen on the other corpora alone)\n");
    for (Ablation.NestedChoice n : result.nested()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%-22s ROC-AUC %s  changes: %s%n",
              n.heldOut(),
              Format.fixed(n.rocAuc(), 4),
              n.applied().isEmpty() ? "none" : String.join(", ", n.applied())));
    }
    sb.append(
        String.format(
            Locale.ROOT, "%-22s ROC-AUC %s%n", "mean", Format.fixed(result.nestedMean(), 4)));
    sb.append("Changes that raise the mean over all corpora: ")
        .append(result.applied().isEmpty() ? "none" : String.join(", ", result.applied()))
        .append("\n");
    return sb.toString();
  }

  private static String shorten(String corpus) {
    return corpus.length() <= 10 ? corpus : corpus.substring(0, 10);
  }

  /** The figures as JSON. */
  public ObjectNode json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("recipe", recipe);
    ArrayNode variants = root.putArray("variants");
    for (Ablation.VariantFigures v : result.variants()) {
      ObjectNode o = variants.addObject();
      o.put("variant", v.variant());
      o.put("what", what(v.variant()));
      ObjectNode auc = o.putObject("roc_auc");
      v.rocAuc().forEach((c, a) -> auc.put(c, round(a)));
      o.put("mean", round(v.mean()));
    }
    ArrayNode nested = root.putArray("nested");
    for (Ablation.NestedChoice n : result.nested()) {
      ObjectNode o = nested.addObject();
      o.put("held_out", n.heldOut());
      ArrayNode applied = o.putArray("applied");
      n.applied().forEach(applied::add);
      o.put("roc_auc", round(n.rocAuc()));
      ObjectNode inner = o.putObject("inner_mean_roc_auc");
      n.inner().forEach((v, a) -> inner.put(v, round(a)));
    }
    root.put("nested_mean", round(result.nestedMean()));
    ArrayNode applied = root.putArray("applied");
    result.applied().forEach(applied::add);
    ArrayNode rejected = root.putArray("rejected");
    result.rejected().forEach(rejected::add);
    return root;
  }

  /** The tables in Markdown. */
  public String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("| variant | what |");
    for (String c : corpora()) {
      sb.append(' ').append(c).append(" |");
    }
    sb.append(" mean |\n|---|---|");
    sb.append("---|".repeat(corpora().size() + 1)).append('\n');
    for (Ablation.VariantFigures v : result.variants()) {
      sb.append("| ").append(v.variant()).append(" | ").append(what(v.variant())).append(" |");
      for (String c : corpora()) {
        sb.append(' ').append(Format.fixed(v.rocAuc().get(c), 4)).append(" |");
      }
      sb.append(' ').append(Format.fixed(v.mean(), 4)).append(" |\n");
    }
    sb.append("\n| held out | changes chosen without it | ROC-AUC |\n|---|---|---|\n");
    for (Ablation.NestedChoice n : result.nested()) {
      sb.append("| ")
          .append(n.heldOut())
          .append(" | ")
          .append(n.applied().isEmpty() ? "none" : String.join(", ", n.applied()))
          .append(" | ")
          .append(Format.fixed(n.rocAuc(), 4))
          .append(" |\n");
    }
    sb.append("| mean | | ").append(Format.fixed(result.nestedMean(), 4)).append(" |\n");
    return sb.toString();
  }

  private static double round(double d) {
    return Double.isNaN(d) ? Double.NaN : Math.round(d * 1e4) / 1e4;
  }
}
