package dev.vera.scan;

import dev.vera.io.ReaderOptions;
import dev.vera.model.ScoringOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What one scan does: which inputs, read how, scored how, written where, on how many threads.
 *
 * @param inputs files and directories, read one after another in this order
 * @param reading how records are read (format, size limit, label field, warnings)
 * @param scoring how articles are judged
 * @param reasons whether each verdict carries its top phrases (as {@code vera check --format jsonl}
 *     prints them; costs an explanation per article)
 * @param model names the model in the checkpoint, so that a resume with another model is refused
 * @param output the verdicts, one JSON line per article, in input order
 * @param errors the records that could not be read or scored, one JSON line each, in input order
 * @param checkpoint the small file that says how much of {@code output} and {@code errors} is
 *     durable
 * @param threads scoring threads (the reader and the writer have a thread each besides)
 * @param resume go on from the checkpoint instead of starting over
 * @param force start over even when {@code output} already holds verdicts
 * @param commitEvery make the output durable and write a checkpoint at least every this many
 *     records (and at least once a second)
 */
public record ScanJob(
    List<Path> inputs,
    ReaderOptions reading,
    ScoringOptions scoring,
    boolean reasons,
    ModelIdentity model,
    Path output,
    Path errors,
    Path checkpoint,
    int threads,
    boolean resume,
    boolean force,
    int commitEvery) {

  /** Records between checkpoints unless a second passes first. */
  public static final int DEFAULT_COMMIT_EVERY = 20_000;

  /** The model a scan used: its id from the card and the SHA-256 of its file (or a name). */
  public record ModelIdentity(String modelId, String digest) {}

  public ScanJob {
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(reading, "reading");
    Objects.requireNonNull(scoring, "scoring");
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("no inputs");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    if (commitEvery < 1) {
      throw new IllegalArgumentException("commitEvery must be at least 1, was " + commitEvery);
    }
  }

  /**
   * The default errors file beside {@code output}: {@code results.jsonl -> results.errors.jsonl}.
   */
  public static Path errorsBeside(Path output) {
    return sibling(output, ".errors.jsonl");
  }

  /**
   * The default checkpoint beside {@code output}: {@code results.jsonl -> results.checkpoint.json}.
   */
  public static Path checkpointBeside(Path output) {
    return sibling(output, ".checkpoint.json");
  }

  private static Path sibling(Path output, String suffix) {
    String name = output.getFileName().toString();
    String stem = name.endsWith(".jsonl") ? name.substring(0, name.length() - 6) : name;
    return output.resolveSibling(stem + suffix);
  }
}
