package dev.vera.io;

import dev.vera.io.Utf8LineReader.Line;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the founding format: each article is a {@link SeedHeader} line, then optional metadata
 * lines ({@code " title …"}, {@code " id …"}, {@code " url …"}, {@code " source …"}), then the body
 * up to the next header. Ids default to the file stem, or {@code stem#n} when the file holds
 * several articles.
 */
final class SeedReader implements ArticleReader {

  private static final Pattern METADATA = Pattern.compile("^ (title|id|url|source)(?: (.*))?$");

  private final InputContext ctx;
  private final Utf8LineReader lines;
  private @Nullable Line pending;
  private long records;
  private long headers;

  SeedReader(InputContext ctx, Utf8LineReader lines) {
    this.ctx = ctx;
    this.lines = lines;
  }

  @Override
  public @Nullable ReadOutcome next() throws IOException {
    Line line = take();
    while (line != null && line.isBlank()) {
      line = take(); // blank lines can only come before the first header
    }
    if (line == null) {
      return null;
    }
    records++;
    return isHeader(line) ? article(line) : preamble(line);
  }

  /** Rejects text before the first header as one record, so it is not silently dropped. */
  private ReadOutcome preamble(Line first) throws IOException {
    Line line = take();
    while (line != null && !isHeader(line)) {
      line = take();
    }
    pending = line;
    return ctx.rejected(
        first.number(),
        records,
        "text before the first header line; every article must start with a line"
            + " ' date YYYY-MM-DD' optionally followed by ✔ (credible) or ✖ (fake)");
  }

  private ReadOutcome article(Line header) throws IOException {
    ArticleDraft draft = new ArticleDraft();
    String problem = header.problem();
    if (problem == null) {
      try {
        SeedHeader h = SeedHeader.parse(header.text());
        draft.date = h.date();
        draft.label = h.label();
      } catch (RecordProblem e) {
        problem = e.getMessage();
      }
    }
    Line line = take();
    Matcher m;
    while (line != null && !isHeader(line) && (m = METADATA.matcher(line.text())).matches()) {
      problem = problem != null ? problem : line.problem();
      String value = m.group(2) == null ? "" : m.group(2).strip();
      switch (m.group(1)) {
        case "title" -> draft.title = value;
        case "id" -> draft.id = value;
        case "url" -> draft.url = value;
        default -> draft.source = value;
      }
      line = take();
    }
    ReaderOptions opts = ctx.options();
    TextCollector body = new TextCollector(opts.maxArticleBytes() + opts.maxLineBytes());
    while (line != null && !isHeader(line)) {
      problem = problem != null ? problem : line.problem();
      body.add(line.text());
      line = take();
    }
    pending = line;
    headers++;
    // The body ends at the next header, so by now we know whether the file holds several.
    boolean several = headers > 1 || pending != null;
    if (problem != null) {
      return ctx.rejected(header.number(), records, problem);
    }
    try {
      if (body.overflowed()) {
        String title = draft.title == null ? "" : draft.title.strip();
        throw new RecordProblem(
            Sizes.articleOverLimit(
                Sizes.utf8Length(title) + body.utf8Bytes(), opts.maxArticleBytes()));
      }
      draft.text = body.text();
      String defaultId = several ? ctx.stem() + "#" + records : ctx.stem();
      return new ReadOutcome.Parsed(
          draft.finish(defaultId, opts.maxArticleBytes()), ctx.at(header.number(), records));
    } catch (RecordProblem e) {
      return ctx.rejected(header.number(), records, e.getMessage());
    }
  }

  private static boolean isHeader(Line line) {
    return SeedHeader.isHeader(line.text());
  }

  private @Nullable Line take() throws IOException {
    if (pending != null) {
      Line l = pending;
      pending = null;
      return l;
    }
    return lines.next();
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
