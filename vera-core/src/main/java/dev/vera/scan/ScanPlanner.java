package dev.vera.scan;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a scan starts: from its checkpoint on resume, else from nothing, refusing whatever would
 * lose work or read its own output. Decides only; it writes and cuts nothing.
 */
final class ScanPlanner {
  private ScanPlanner() {}

  /**
   * The starting point of {@code job}: records already durable and the lengths of the output files
   * they fill, whether the scan had already reached the end of its inputs, and the job's {@link
   * ScanIdentity} for the checkpoints this run writes.
   *
   * @throws ScanRefusedException when an input cannot be read twice, an output lies inside an
   *     input, output would be overwritten without {@code force}, or the checkpoint does not
   *     describe these files or belongs to another scan
   */
  static Checkpoint startingPoint(ScanJob job) throws IOException, ScanRefusedException {
    refuseUnrereadableInputs(job);
    JsonNode identity = ScanIdentity.of(job);
    refuseOutputInsideInputs(job);
    Checkpoint cp = Checkpoint.read(job.checkpoint());
    if (job.resume()) {
      return resumed(job, identity, cp);
    }
    if (!job.force()) {
      for (Path p : List.of(job.output(), job.errors())) {
        if (nonEmpty(p)) {
          throw new ScanRefusedException(
              p
                  + " already exists and is not empty; add --resume to continue that scan, or"
                  + " --force to start over");
        }
      }
    }
    return fresh(identity);
  }

  private static Checkpoint fresh(JsonNode identity) {
    return new Checkpoint(identity, 0, 0, 0, false);
  }

  private static Checkpoint resumed(ScanJob job, JsonNode identity, @Nullable Checkpoint cp)
      throws IOException, ScanRefusedException {
    if (cp == null) {
      if (nonEmpty(job.output()) || nonEmpty(job.errors())) {
        throw new ScanRefusedException(
            "cannot resume: there is no checkpoint "
                + job.checkpoint()
                + " for "
                + job.output()
                + "; run without --resume and with --force to start over");
      }
      return fresh(identity);
    }
    String difference = ScanIdentity.difference(cp.identity(), identity);
    if (difference != null) {
      throw new ScanRefusedException(
          "cannot resume: "
              + difference
              + "; run the same command as before, or without --resume and with --force to"
              + " start over");
    }
    if (size(job.output()) < cp.outputBytes() || size(job.errors()) < cp.errorBytes()) {
      throw new ScanRefusedException(
          "cannot resume: "
              + job.output()
              + " or "
              + job.errors()
              + " is shorter than the checkpoint says (changed by something else?); run without"
              + " --resume and with --force to start over");
    }
    // Finished, but the files were appended to since: cut them back and write the end again.
    boolean complete =
        cp.complete()
            && size(job.output()) == cp.outputBytes()
            && size(job.errors()) == cp.errorBytes();
    return new Checkpoint(identity, cp.records(), cp.outputBytes(), cp.errorBytes(), complete);
  }

  private static void refuseUnrereadableInputs(ScanJob job) throws ScanRefusedException {
    for (Path input : job.inputs()) {
      if (!InputFiles.rereadable(input)) {
        throw new ScanRefusedException(
            input
                + " is not a regular file or a directory (a pipe?): scan must be able to read its"
                + " inputs again to resume; save it to a file first, or use vera check --format"
                + " jsonl for a stream");
      }
    }
  }

  private static void refuseOutputInsideInputs(ScanJob job) throws ScanRefusedException {
    for (Path written : List.of(job.output(), job.errors(), job.checkpoint())) {
      Path w = written.toAbsolutePath().normalize();
      for (Path input : job.inputs()) {
        if (w.startsWith(input.toAbsolutePath().normalize())) {
          throw new ScanRefusedException(
              written
                  + " would be written inside the input "
                  + input
                  + ", which would then be read; write the results elsewhere");
        }
      }
    }
  }

  private static boolean nonEmpty(Path p) throws IOException {
    return size(p) > 0;
  }

  private static long size(Path p) throws IOException {
    return Files.exists(p) ? Files.size(p) : 0;
  }
}
