package dev.vera.io;

import dev.vera.io.Utf8LineReader.Line;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a plain-text file as one article with the file stem as id. A first line of at most 200
 * characters followed by a blank line and more text is the title; otherwise everything is body.
 */
final class TextReader implements ArticleReader {

  /** Longer first lines are the start of a paragraph rather than a headline. */
  static final int MAX_TITLE_CHARS = 200;

  private final InputContext ctx;
  private final Utf8LineReader lines;
  private boolean done;

  TextReader(InputContext ctx, Utf8LineReader lines) {
    this.ctx = ctx;
    this.lines = lines;
  }

  @Override
  public @Nullable ReadOutcome next() throws IOException {
    if (done) {
      return null;
    }
    done = true;
    ReaderOptions opts = ctx.options();
    TextCollector collector = new TextCollector(opts.maxArticleBytes() + opts.maxLineBytes());
    String problem = null;
    long start = 0;
    for (Line line = lines.next(); line != null; line = lines.next()) {
      problem = problem != null ? problem : line.problem();
      if (start == 0 && !line.isBlank()) {
        start = line.number();
      }
      collector.add(line.text());
    }
    if (start == 0) {
      return null; // nothing but blank lines: the caller reports an empty file
    }
    try {
      if (problem != null) {
        throw new RecordProblem(problem);
      }
      if (collector.overflowed()) {
        throw new RecordProblem(
            Sizes.articleOverLimit(collector.utf8Bytes(), opts.maxArticleBytes()));
      }
      ArticleDraft draft = new ArticleDraft();
      List<String> text = collector.lines();
      if (text.size() >= 3
          && text.get(1).isBlank()
          && text.get(0).strip().codePoints().count() <= MAX_TITLE_CHARS) {
        // The collector ends on a non-blank line, so text follows the blank one.
        draft.title = text.get(0);
        draft.text = String.join("\n", text.subList(2, text.size()));
      } else {
        draft.text = String.join("\n", text);
      }
      return new ReadOutcome.Parsed(
          draft.finish(ctx.stem(), opts.maxArticleBytes()), ctx.at(start, 1));
    } catch (RecordProblem e) {
      return ctx.rejected(start, 1, e.getMessage());
    }
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
