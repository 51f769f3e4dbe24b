package dev.vera.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vera.article.Article;
import dev.vera.article.Label;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStreamReader;
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

  /** The sentences of one part of the file, with the problems of bad records sent to {@code problems}. */
  public record Parts(List<Article> train, List<Article> valid, List<Article> test) {}

  public static Parts read(Path file, Consumer<String> problems) throws IOException {
    List<Article> train = new ArrayList<>();
    List<Article> valid = new ArrayList<>();
    List<Article> test = new ArrayList<>();
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
      int lineNo = 0;
      for (String line = readLine(in, file, lineNo + 1); line != null; line = readLine(in, file, lineNo + 1)) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String where = file + ":" + lineNo + ": ";
        JsonNode n;
        try {
          n = JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
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
          default -> problems.accept(where + "split must be train, valid or test, was '" + split + "'");
        }
      }
    }
    return new Parts(train, valid, test);
  }

  private static String readLine(BufferedReader in, Path file, int lineNo) throws IOException {
    try {
      return in.readLine();
    } catch (CharacterCodingException e) {
      throw new IOException(file + ":" + lineNo + ": not UTF-8 text", e);
    }
  }
}
