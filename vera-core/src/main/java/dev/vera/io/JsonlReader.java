package dev.vera.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.io.Utf8LineReader.Line;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads one JSON object per line. Known fields become the article; {@code split*} fields become its
 * splits; unknown fields are ignored with one warning per field name and file, except a few extras
 * of well-known data sets. Blank lines are skipped; each other line is one record.
 */
final class JsonlReader implements ArticleReader {

  /** Fields of public data sets that carry nothing Vera uses; ignored without a warning. */
  static final Set<String> KNOWN_EXTRAS =
      Set.of("tweet_ids", "dataset", "binary", "speaker", "news_url");

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final InputContext ctx;
  private final Utf8LineReader lines;
  private final String labelField;
  private long records;

  JsonlReader(InputContext ctx, Utf8LineReader lines) {
    this.ctx = ctx;
    this.lines = lines;
    this.labelField = ctx.options().labelField();
  }

  @Override
  public @Nullable ReadOutcome next() throws IOException {
    Line line = lines.next();
    while (line != null && line.isBlank()) {
      line = lines.next();
    }
    if (line == null) {
      return null;
    }
    records++;
    try {
      if (line.problem() != null) {
        throw new RecordProblem(line.problem());
      }
      ArticleDraft draft = toDraft(parse(line.text()), line.number());
      String defaultId = ctx.stem() + ":" + line.number();
      return new ReadOutcome.Parsed(
          draft.finish(defaultId, ctx.options().maxArticleBytes()), ctx.at(line.number(), records));
    } catch (RecordProblem e) {
      return ctx.rejected(line.number(), records, e.getMessage());
    }
  }

  private static ObjectNode parse(String text) throws RecordProblem {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new RecordProblem(describe(e));
    }
    if (!(node instanceof ObjectNode object)) {
      throw new RecordProblem("expected a JSON object on each line, found " + kind(node));
    }
    return object;
  }

  /** A one-line account of a JSON syntax error, without Jackson's multi-line details. */
  static String describe(JsonProcessingException e) {
    JsonLocation where = e.getLocation();
    String at = where == null || where.getColumnNr() < 1 ? "" : " at column " + where.getColumnNr();
    if (e instanceof JsonEOFException) {
      return "invalid JSON: unexpected end of input" + at + " (is the line truncated?)";
    }
    if (e instanceof MismatchedInputException && e.getOriginalMessage().startsWith("Trailing")) {
      return "invalid JSON: more text after the object" + at + " (one object per line)";
    }
    String message = e.getOriginalMessage();
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    message = message.replaceAll(" \\(code \\d+\\)", "");
    if (!message.isEmpty()) {
      message = Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }
    return "invalid JSON" + at + ": " + message;
  }

  private ArticleDraft toDraft(ObjectNode object, long lineNumber) throws RecordProblem {
    ArticleDraft d = new ArticleDraft();
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (name.equals(labelField)) {
        d.label = ArticleDraft.parseLabelField(string(name, value), "field '" + name + "'");
        continue;
      }
      switch (name) {
        case "id" -> d.id = scalar(name, value);
        case "title" -> d.title = string(name, value);
        case "text" -> d.text = string(name, value);
        case "date" -> d.date = ArticleDraft.parseDateField(string(name, value), "field 'date'");
        case "url" -> d.url = string(name, value);
        case "source" -> d.source = string(name, value);
        default -> other(d, name, value, lineNumber);
      }
    }
    if (ArticleDraft.blankToNull(d.url) == null && object.hasNonNull("news_url")) {
      d.url = string("news_url", object.get("news_url"));
    }
    return d;
  }

  private void other(ArticleDraft d, String name, JsonNode value, long lineNumber)
      throws RecordProblem {
    if (name.startsWith("split")) {
      String part = scalar(name, value);
      if (part != null) {
        d.splits.put(name, part);
      }
    } else if (!KNOWN_EXTRAS.contains(name)) {
      ctx.warnOnce(
          name,
          lineNumber,
          "unknown field "
              + Messages.quote(name)
              + " ignored (known: id, title, text, date, url, source, "
              + labelField
              + ", split*)");
    }
  }

  /** A string field's value; null for an absent or null field. */
  private static @Nullable String string(String name, JsonNode value) throws RecordProblem {
    if (value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new RecordProblem(
          "field " + Messages.quote(name) + " must be a string, found " + kind(value));
    }
    return value.textValue();
  }

  /** A string or number field's value as text; null for an absent or null field. */
  private static @Nullable String scalar(String name, JsonNode value) throws RecordProblem {
    if (value.isNull()) {
      return null;
    }
    if (!value.isTextual() && !value.isNumber()) {
      throw new RecordProblem(
          "field " + Messages.quote(name) + " must be a string or a number, found " + kind(value));
    }
    return value.asText();
  }

  private static String kind(JsonNode value) {
    return switch (value.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case BOOLEAN -> "a boolean";
      case NUMBER -> "a number";
      case STRING -> "a string";
      case NULL -> "null";
      default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
