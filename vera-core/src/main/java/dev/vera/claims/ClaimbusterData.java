package dev.vera.claims;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vera.article.Article;
import dev.vera.article.Label;
import dev.vera.io.Utf8LineReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads labelled sentences for check-worthiness: JSONL records {@code {id, text, label, split}}
 * with {@code label} {@code check-worthy} or {@code not}, as in ClaimBuster's {@code
 * sentences.jsonl}. Each sentence becomes an {@link Article} whose body is the sentence and whose
 * label is {@link CheckWorthinessModel#CHECK_WORTHY} or {@link CheckWorthinessModel#NOT}, so the
 * linear trainer of the credibility model can fit it unchanged. A bad record is reported (file,
 * line, problem) and skipped; the others are kept.
 */
public final class ClaimbusterData {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ClaimbusterData() {}

  /**
   * The sentences of one part of the file, with the problems of bad records sent to {@code
   * problems}.
   */
  public record Parts(List<Article> train, List<Article> valid, List<Article> test) {}

  public static Parts read(Path file, Consumer<String> problems) throws IOException {
    List<Article> train = new ArrayList<>();
    List<Article> valid = new ArrayList<>();
    List<Article> test = new ArrayList<>();
    try (Utf8LineReader in =
        new Utf8LineReader(Files.newInputStream(file), FactCheckReader.MAX_LINE_BYTES)) {
      for (Utf8LineReader.Line row = in.next(); row != null; row = in.next()) {
        long lineNo = row.number();
        String where = file + ":" + lineNo + ": ";
        if (!row.ok()) {
          problems.accept(where + row.problem());
          continue;
        }
        String line = row.text();
        if (line.isBlank()) {
          continue;
        }
        JsonNode n;
        try {
          n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
          problems.accept(where + "not a JSON object (" + e.getOriginalMessage() + ")");
          continue;
        }
        if (!n.isObject()) {
          problems.accept(where + "not a JSON object");
          continue;
        }
        String text = n.path("text").asText("").strip();
        String label = n.path("label").asText("");
        String split = n.path("split").asText("");
        if (text.isEmpty()) {
          problems.accept(where + "no text");
          continue;
        }
        Label l;
        if (label.equals("check-worthy")) {
          l = CheckWorthinessModel.CHECK_WORTHY;
        } else if (label.equals("not")) {
          l = CheckWorthinessModel.NOT;
        } else {
          problems.accept(where + "label must be 'check-worthy' or 'not', was '" + label + "'");
          continue;
        }
        String id = n.path("id").asText("line-" + lineNo);
        Article a = new Article(id, "", text, null, null, null, l, Map.of("split", split));
        switch (split) {
          case "train" -> train.add(a);
          case "valid" -> valid.add(a);
          case "test" -> test.add(a);
          default ->
              problems.accept(where + "split must be train, valid or test, was '" + split + "'");
        }
      }
    }
    return new Parts(train, valid, test);
  }
}
