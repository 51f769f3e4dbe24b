package dev.vera.io;

import dev.vera.io.CsvColumns.Field;
import dev.vera.io.CsvRecordScanner.RawRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads RFC 4180 CSV with a header row; quoted fields may span lines. Each record is located by the
 * line it starts on; a record with the wrong number of fields, a bad value or broken quoting is
 * rejected alone. A header without a title or text column rejects the whole file.
 */
final class CsvReader implements ArticleReader {

  private static final CSVFormat FORMAT = CSVFormat.RFC4180;

  private final InputContext ctx;
  private final Utf8LineReader lines;
  private final CsvRecordScanner scanner;
  private @Nullable CsvColumns columns;
  private long headerLine;
  private long records;
  private boolean done;

  CsvReader(InputContext ctx, Utf8LineReader lines) {
    this.ctx = ctx;
    this.lines = lines;
    this.scanner = new CsvRecordScanner(lines, ctx.options().maxLineBytes());
  }

  @Override
  public @Nullable ReadOutcome next() throws IOException {
    if (done) {
      return null;
    }
    if (columns == null) {
      ReadOutcome refused = readHeader();
      if (refused != null || columns == null) {
        done = true;
        return refused;
      }
    }
    RawRecord raw = scanner.next();
    if (raw == null) {
      done = true;
      return records > 0
          ? null
          : ctx.rejected(headerLine, 1, "CSV file has a header but no records: no article in it");
    }
    records++;
    try {
      if (raw.problem() != null) {
        throw new RecordProblem(raw.problem());
      }
      ArticleDraft draft = toDraft(fields(raw.text()));
      return new ReadOutcome.Parsed(
          draft.finish(ctx.stem() + ":" + raw.line(), ctx.options().maxArticleBytes()),
          ctx.at(raw.line(), records));
    } catch (RecordProblem e) {
      return ctx.rejected(raw.line(), records, e.getMessage());
    }
  }

  /** Reads the header row; returns the rejection of the whole file when it is unusable. */
  private @Nullable ReadOutcome readHeader() throws IOException {
    RawRecord header = scanner.next();
    if (header == null) {
      return null; // nothing but blank lines: the caller reports an empty file
    }
    headerLine = header.line();
    List<String> names;
    try {
      if (header.problem() != null) {
        throw new RecordProblem(header.problem());
      }
      names = Arrays.asList(fields(header.text()));
    } catch (RecordProblem e) {
      return ctx.rejected(headerLine, 1, "unreadable CSV header: " + e.getMessage());
    }
    String labelField = ctx.options().labelField();
    CsvColumns found = new CsvColumns(names, labelField);
    if (!found.hasTitleOrText()) {
      return ctx.rejected(
          headerLine,
          1,
          "CSV header has no title or text column: found "
              + CsvColumns.quoted(names)
              + "; expected at least one of "
              + CsvColumns.expectedTextColumns());
    }
    String warning = found.warning(labelField);
    if (warning != null) {
      ctx.warnOnce("columns", headerLine, warning);
    }
    columns = found;
    return null;
  }

  /** The fields of one record's text, parsed by commons-csv. */
  private static String[] fields(String text) throws RecordProblem {
    try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
      List<CSVRecord> parsed = parser.getRecords();
      if (parsed.size() != 1) {
        // Only a bare carriage return outside quotes can split what the scanner joined.
        throw new RecordProblem(
            "invalid CSV: a bare carriage return (\\r) splits the record; use \\n line endings");
      }
      return parsed.get(0).values();
    } catch (IOException | UncheckedIOException e) {
      String message = String.valueOf(e.getMessage());
      int newline = message.indexOf('\n');
      throw new RecordProblem(
          "invalid CSV: " + (newline < 0 ? message : message.substring(0, newline)));
    }
  }

  private ArticleDraft toDraft(String[] values) throws RecordProblem {
    CsvColumns c = columns;
    List<String> names = c.names();
    if (values.length != names.size()) {
      String detail =
          values.length < names.size()
              ? "missing " + CsvColumns.quoted(names.subList(values.length, names.size()))
              : (values.length - names.size()) + " more than the header names";
      throw new RecordProblem(
          "record has "
              + values.length
              + " fields but the header has "
              + names.size()
              + ": "
              + detail);
    }
    ArticleDraft d = new ArticleDraft();
    d.id = value(values, Field.ID);
    d.title = value(values, Field.TITLE);
    d.text = value(values, Field.TEXT);
    d.date = ArticleDraft.parseDateField(value(values, Field.DATE), column(Field.DATE));
    d.url = value(values, Field.URL);
    d.source = value(values, Field.SOURCE);
    d.label = ArticleDraft.parseLabelField(value(values, Field.LABEL), column(Field.LABEL));
    c.splits()
        .forEach(
            (name, i) -> {
              String part = ArticleDraft.blankToNull(values[i]);
              if (part != null) {
                d.splits.put(name, part);
              }
            });
    return d;
  }

  private @Nullable String value(String[] values, Field field) {
    int i = columns.indexOf(field);
    return i < 0 ? null : values[i];
  }

  private String column(Field field) {
    return "column " + Messages.quote(String.valueOf(columns.nameOf(field)));
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
