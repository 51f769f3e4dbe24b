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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns one decoded JSONL line into its outcome: known fields become the article; {@code split*}
 * fields become its splits; unknown fields are ignored with one warning per field name and file,
 * except a few extras of well-known data sets. This is the only JSONL parsing code: {@link
 * JsonlReader} uses it for every record, either at once ({@link ArticleReader#next()}) or later, on
 * whichever thread parses its {@link PendingRecord}s.
 *
 * <p>Parsing has no side effects and is safe on any thread; the unknown-field warnings of a record
 * are sent only by {@link Pending#publishWarnings()}, in input order.
 */
final class JsonlRecordParser {

  /** Fields of public data sets that carry nothing Vera uses; ignored without a warning. */
  static final Set<String> KNOWN_EXTRAS =
      Set.of("tweet_ids", "dataset", "binary", "speaker", "news_url");

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final InputContext ctx;
  private final String labelField;

  JsonlRecordParser(InputContext ctx) {
    this.ctx = ctx;
    this.labelField = ctx.options().labelField();
  }

  /** One non-blank line, not yet parsed. */
  PendingRecord pending(String text, RecordLocation where) {
    return new Pending(text, where);
  }

  /**
   * The outcome of one non-blank, validly decoded line.
   *
   * @param unknown receives the names of unknown fields met, in field order, to be warned about
   */
  ReadOutcome parse(String text, RecordLocation where, List<String> unknown) {
    try {
      ArticleDraft draft = toDraft(parse(text), unknown);
      String defaultId = ctx.stem() + ":" + where.line();
      return new ReadOutcome.Parsed(
          draft.finish(defaultId, ctx.options().maxArticleBytes()), where);
    } catch (RecordProblem e) {
      return new ReadOutcome.Rejected(where, e.getMessage());
    }
  }

  /** Sends the warning for an unknown field met on {@code line}, once per name and input. */
  void warnUnknown(String name, long line) {
    ctx.warnOnce(
        name,
        line,
        "unknown field "
            + Messages.quote(name)
            + " ignored (known: id, title, text, date, url, source, corpus, "
            + labelField
            + ", split*)");
  }

  /** A line waiting to be parsed; its text is dropped once parsed. */
  private final class Pending extends PendingRecord {
    private @Nullable String text;
    private final int chars;
    private List<String> unknown = List.of();

    Pending(String text, RecordLocation where) {
      super(where);
      this.text = text;
      this.chars = text.length();
    }

    @Override
    public int chars() {
      return chars;
    }

    @Override
    public ReadOutcome parse() {
      String t = text;
      if (t == null) {
        throw new IllegalStateException("record " + where() + " was already parsed");
      }
      text = null;
      List<String> found = new ArrayList<>(0);
      ReadOutcome outcome = JsonlRecordParser.this.parse(t, where(), found);
      unknown = found;
      return outcome;
    }

    @Override
    public void publishWarnings() {
      for (String name : unknown) {
        warnUnknown(name, where().line());
      }
      unknown = List.of();
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

  private ArticleDraft toDraft(ObjectNode object, List<String> unknown) throws RecordProblem {
    ArticleDraft d = new ArticleDraft();
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (name.equals(labelField)) {
        d.label = ArticleDraft.parseLabelField(string(name, value), "field '" + name + "'");
        continue;
      }
      if (name.equals(ReaderOptions.DEFAULT_LABEL_FIELD)) {
        // 'label' stands in for a --label-field a record lacks, as a CSV's label column does.
        if (!object.has(labelField)) {
          d.label = ArticleDraft.parseLabelField(string(name, value), "field '" + name + "'");
        }
        continue;
      }
      switch (name) {
        case "id" -> d.id = scalar(name, value);
        case "title" -> d.title = string(name, value);
        case "text" -> d.text = string(name, value);
        case "date" -> d.date = ArticleDraft.parseDateField(string(name, value), "field 'date'");
        case "url" -> d.url = string(name, value);
        case "source" -> d.source = string(name, value);
        case "corpus" -> d.corpus = string(name, value);
        default -> other(d, name, value, unknown);
      }
    }
    if (ArticleDraft.blankToNull(d.url) == null && object.hasNonNull("news_url")) {
      d.url = string("news_url", object.get("news_url"));
    }
    return d;
  }

  private static void other(ArticleDraft d, String name, JsonNode value, List<String> unknown)
      throws RecordProblem {
    if (name.startsWith("split")) {
      String part = scalar(name, value);
      if (part != null) {
        d.splits.put(name, part);
      }
    } else if (!KNOWN_EXTRAS.contains(name)) {
      unknown.add(name);
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
}
