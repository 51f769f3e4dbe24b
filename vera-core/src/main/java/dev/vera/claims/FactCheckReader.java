package dev.vera.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vera.io.Utf8LineReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads fact-check records from JSONL, one object a line, in either of two shapes:
 *
 * <ul>
 *   <li>ClaimReview-like (also PolitiFact's {@code factchecks.jsonl}): {@code claim} (required),
 *       {@code verdict} (required), {@code publisher} (required unless the reader has a default),
 *       {@code url}, {@code date} ({@code YYYY-MM-DD}), {@code id}, {@code speaker}, {@code title}
 *       (the fact-check's headline). These map to ClaimReview's {@code claimReviewed}, {@code
 *       reviewRating.alternateName}, {@code author}, {@code url}, {@code datePublished} and {@code
 *       itemReviewed.author}.
 *   <li>LIAR (Vera's {@code liar/articles.jsonl}): the statement is {@code text}, the six-way
 *       {@code label} is the verdict, the publisher is PolitiFact (LIAR's statements are
 *       PolitiFact's), no URL or date.
 * </ul>
 *
 * A record in neither shape, with a bad date, not JSON, or too long is reported with its file and
 * line, and skipped; reading goes on.
 */
public final class FactCheckReader {
  /** A line longer than this is refused unread (a fact-check record is a few hundred bytes). */
  public static final int MAX_LINE_BYTES = 1 << 20;

  /** A claim longer than this is not a claim: the record is refused. */
  public static final int MAX_CLAIM_CHARS = 5000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> KNOWN =
      Set.of(
          "id",
          "claim",
          "verdict",
          "verdict_normalized",
          "publisher",
          "url",
          "date",
          "speaker",
          "claim_date",
          "claim_context",
          "title",
          // LIAR
          "text",
          "label",
          "split",
          "binary",
          "party",
          "subject",
          "context",
          "source");

  private FactCheckReader() {}

  /**
   * Reads every good record of {@code file} into {@code sink}.
   *
   * @param problems told of each bad record, as {@code FILE:LINE: problem}
   * @return how many records were read
   */
  public static int read(Path file, Consumer<FactCheck> sink, Consumer<String> problems)
      throws IOException {
    int count = 0;
    try (Utf8LineReader in = new Utf8LineReader(Files.newInputStream(file), MAX_LINE_BYTES)) {
      for (Utf8LineReader.Line line = in.next(); line != null; line = in.next()) {
        String where = file + ":" + line.number() + ": ";
        if (!line.ok()) {
          problems.accept(where + line.problem());
          continue;
        }
        if (line.isBlank()) {
          continue;
        }
        try {
          sink.accept(parse(line.text(), file.getFileName() + ":" + line.number()));
          count++;
        } catch (IllegalArgumentException e) {
          problems.accept(where + e.getMessage());
        }
      }
    }
    return count;
  }

  /** One record; {@code fallbackId} names it when it has no {@code id}. */
  static FactCheck parse(String line, String fallbackId) {
    JsonNode n;
    try {
      n = JSON.readTree(line);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON (" + firstLine(e.getMessage()) + ")");
    }
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    var names = n.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!KNOWN.contains(name)) {
        throw new IllegalArgumentException("unknown field '" + name + "'");
      }
    }
    String id = text(n, "id");
    if (id == null) {
      id = fallbackId;
    }
    if (n.has("claim")) {
      String claim = required(n, "claim");
      String verdict = required(n, "verdict");
      String publisher = required(n, "publisher");
      return new FactCheck(
          id,
          limit(claim),
          verdict,
          publisher,
          text(n, "url"),
          date(n),
          text(n, "speaker"),
          text(n, "title"));
    }
    if (n.has("text") && n.has("label")) {
      return new FactCheck(
          id,
          limit(required(n, "text")),
          required(n, "label"),
          "PolitiFact (LIAR)",
          text(n, "url"),
          date(n),
          text(n, "speaker"));
    }
    throw new IllegalArgumentException(
        "neither a fact-check ({claim, verdict, publisher, url, date}) nor a LIAR statement"
            + " ({text, label})");
  }

  private static String limit(String claim) {
    if (claim.length() > MAX_CLAIM_CHARS) {
      throw new IllegalArgumentException(
          "claim is " + claim.length() + " characters, more than " + MAX_CLAIM_CHARS);
    }
    return claim;
  }

  private static @Nullable String date(JsonNode n) {
    String d = text(n, "date");
    if (d == null) {
      return null;
    }
    try {
      return LocalDate.parse(d).toString();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("date must be YYYY-MM-DD, was '" + d + "'");
    }
  }

  private static String required(JsonNode n, String field) {
    String v = text(n, field);
    if (v == null) {
      throw new IllegalArgumentException("'" + field + "' is missing or empty");
    }
    return v;
  }

  private static @Nullable String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isValueNode()) {
      throw new IllegalArgumentException("'" + field + "' must be a string");
    }
    String s = v.asText().strip();
    return s.isEmpty() ? null : s;
  }

  private static String firstLine(@Nullable String s) {
    if (s == null) {
      return "parse error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
