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
final class CsvReader extends PendingRecordReader {

  private static final CSVFormat FORMAT = CSVFormat.RFC4180;

  private final InputContext ctx;
  private final Utf8LineReader lines;
  private final CsvRecordScanner scanner;
  private @Nullable CsvColumns columns;
  private long headerLine;
  private long records;
  private boolean done;
  private @Nullable String headerWarning;

  CsvReader(InputContext ctx, Utf8LineReader lines) {
    this.ctx = ctx;
    this.lines = lines;
    this.scanner = new CsvRecordScanner(lines, ctx.options().maxLineBytes());
  }

  /**
   * The next record split off but not parsed. The header row is read here, on the first call; its
   * warning goes with the first outcome after it, so that it is sent before any of the file's
   * records are used.
   */
  @Override
  public @Nullable PendingRecord nextPending() throws IOException {
    if (done) {
      return null;
    }
    if (columns == null) {
      ReadOutcome refused = readHeader();
      if (refused != null || columns == null) {
        done = true;
        return refused == null ? null : PendingRecord.of(refused);
      }
    }
    RawRecord raw;
    try {
      raw = scanner.next();
    } catch (IOException | RuntimeException e) {
      publishHeaderWarning(); // it would not travel with any record now
      throw e;
    }
    String warning = headerWarning;
    headerWarning = null;
    if (raw == null) {
      done = true;
      if (records > 0) {
        return null;
      }
      return new Pending(
          ctx.at(headerLine, 1),
          null,
          "CSV file has a header but no records: no article in it",
          columns,
          warning);
    }
    records++;
    return new Pending(ctx.at(raw.line(), records), raw.text(), raw.problem(), columns, warning);
  }

  private void publishHeaderWarning() {
    String warning = headerWarning;
    headerWarning = null;
    if (warning != null) {
      ctx.warnOnce("columns", headerLine, warning);
    }
  }

  /**
   * One record's text waiting to be parsed (or its problem), with the columns of its file and the
   * file's header warning when it is the first outcome after the header.
   */
  private final class Pending extends PendingRecord {
    private @Nullable String text;
    private final @Nullable String problem;
    private final CsvColumns columns;
    private @Nullable String headerWarning;
    private final int chars;
    private boolean parsed;

    Pending(
        RecordLocation where,
        @Nullable String text,
        @Nullable String problem,
        CsvColumns columns,
        @Nullable String headerWarning) {
      super(where);
      this.text = text;
      this.problem = problem;
      this.columns = columns;
      this.headerWarning = headerWarning;
      this.chars = text == null ? 0 : text.length();
    }

    @Override
    public int chars() {
      return chars;
    }

    @Override
    public ReadOutcome parse() {
      if (parsed) {
        throw new IllegalStateException("record " + where() + " was already parsed");
      }
      parsed = true;
      String t = text;
      text = null;
      try {
        if (problem != null) {
          throw new RecordProblem(problem);
        }
        ArticleDraft draft = toDraft(fields(t), columns);
        return new ReadOutcome.Parsed(
            draft.finish(ctx.stem() + ":" + where().line(), ctx.options().maxArticleBytes()),
            where());
      } catch (RecordProblem e) {
        return new ReadOutcome.Rejected(where(), e.getMessage());
      }
    }

    @Override
    public void publishWarnings() {
      String warning = headerWarning;
      headerWarning = null;
      if (warning != null) {
        ctx.warnOnce("columns", headerLine, warning);
      }
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
    headerWarning = found.warning(labelField); // sent with the first outcome after the header
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

  private static ArticleDraft toDraft(String[] values, CsvColumns c) throws RecordProblem {
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
    d.id = value(values, c, Field.ID);
    d.title = value(values, c, Field.TITLE);
    d.text = value(values, c, Field.TEXT);
    d.date = ArticleDraft.parseDateField(value(values, c, Field.DATE), column(c, Field.DATE));
    d.url = value(values, c, Field.URL);
    d.source = value(values, c, Field.SOURCE);
    d.corpus = value(values, c, Field.CORPUS);
    d.label = ArticleDraft.parseLabelField(value(values, c, Field.LABEL), column(c, Field.LABEL));
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

  private static @Nullable String value(String[] values, CsvColumns c, Field field) {
    int i = c.indexOf(field);
    return i < 0 ? null : values[i];
  }

  private static String column(CsvColumns c, Field field) {
    return "column " + Messages.quote(String.valueOf(c.nameOf(field)));
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
