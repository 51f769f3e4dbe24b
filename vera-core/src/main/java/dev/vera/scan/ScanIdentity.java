package dev.vera.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.output.VerdictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything that decides a scan's output bytes: the inputs (path, size and modification time of
 * their files), the model, and the reading and scoring options. A checkpoint records it, and a
 * resume whose identity differs is refused, since its output would not continue the first one's.
 */
final class ScanIdentity {
  private ScanIdentity() {}

  static ObjectNode of(ScanJob job) throws IOException {
    ObjectNode n = VerdictJson.mapper().createObjectNode();
    ArrayNode inputs = n.putArray("inputs");
    for (Path p : job.inputs()) {
      ObjectNode in = inputs.addObject();
      in.put("path", p.toAbsolutePath().normalize().toString());
      List<Path> files = InputFiles.regularFiles(p);
      long bytes = 0;
      long modified = 0;
      for (Path f : files) {
        bytes += Files.size(f);
        modified = Math.max(modified, Files.getLastModifiedTime(f).toMillis());
      }
      in.put("files", files.size());
      in.put("bytes", bytes);
      in.put("modified_ms", modified);
    }
    ObjectNode model = n.putObject("model");
    model.put("id", job.model().modelId());
    model.put("digest", job.model().digest());
    ObjectNode options = n.putObject("options");
    options.put("input_format", job.reading().format().name().toLowerCase(Locale.ROOT));
    options.put("label_field", job.reading().labelField());
    options.put("max_article_bytes", job.reading().maxArticleBytes());
    options.put("use_source", job.scoring().useSource());
    Double threshold = job.scoring().threshold();
    if (threshold == null) {
      options.putNull("threshold");
    } else {
      options.put("threshold", threshold);
    }
    // Only when given, so that checkpoints written before base rates existed still match.
    if (job.scoring().baseRate() != null) {
      options.put("base_rate", job.scoring().baseRate());
    }
    options.put("reasons", job.reasons());
    options.put("errors", job.errors().toAbsolutePath().normalize().toString());
    // As read back from a checkpoint, so that equal values compare equal (a long that fits in
    // an int is read back as an int node, and Jackson's nodes of different types never match).
    return (ObjectNode) VerdictJson.mapper().readTree(VerdictJson.mapper().writeValueAsString(n));
  }

  /**
   * How {@code now} differs from {@code recorded} in words a user can act on, or null when they are
   * the same.
   */
  static @Nullable String difference(JsonNode recorded, JsonNode now) {
    if (recorded.equals(now)) {
      return null;
    }
    if (!recorded.path("inputs").equals(now.path("inputs"))) {
      JsonNode was = recorded.path("inputs");
      JsonNode is = now.path("inputs");
      if (was.size() != is.size()) {
        return "the inputs differ: the checkpoint names " + paths(was) + ", this run " + paths(is);
      }
      for (int i = 0; i < was.size(); i++) {
        if (!was.get(i).path("path").equals(is.get(i).path("path"))) {
          return "the inputs differ: the checkpoint names "
              + paths(was)
              + ", this run "
              + paths(is);
        }
        if (!was.get(i).equals(is.get(i))) {
          return "input "
              + is.get(i).path("path").asText()
              + " changed since the checkpoint was written (size or modification time)";
        }
      }
    }
    if (!recorded.path("model").equals(now.path("model"))) {
      return "the model differs: the checkpoint was written with "
          + recorded.path("model").path("id").asText()
          + " ("
          + recorded.path("model").path("digest").asText()
          + "), this run uses "
          + now.path("model").path("id").asText()
          + " ("
          + now.path("model").path("digest").asText()
          + ")";
    }
    Iterator<Map.Entry<String, JsonNode>> it = now.path("options").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode was = recorded.path("options").path(e.getKey());
      if (!was.equals(e.getValue())) {
        return "the option "
            + e.getKey()
            + " differs: "
            + (was.isMissingNode() ? "absent" : was.toString())
            + " in the checkpoint, "
            + e.getValue()
            + " now";
      }
    }
    return "the checkpoint describes another scan";
  }

  private static String paths(JsonNode inputs) {
    StringBuilder sb = new StringBuilder("[");
    for (JsonNode in : inputs) {
      sb.append(sb.length() > 1 ? ", " : "").append(in.path("path").asText());
    }
    return sb.append(']').toString();
  }
}
