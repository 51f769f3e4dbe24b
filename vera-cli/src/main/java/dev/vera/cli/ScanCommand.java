package dev.vera.cli;

import dev.vera.io.OutputFiles;
import dev.vera.io.Sha256;
import dev.vera.model.CredibilityModel;
import dev.vera.model.ScoringOptions;
import dev.vera.output.VerdictJson;
import dev.vera.scan.BatchScanner;
import dev.vera.scan.ScanJob;
import dev.vera.scan.ScanRefusedException;
import dev.vera.scan.ScanReport;
import dev.vera.scan.ScanResult;
import dev.vera.scan.ScanSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vera scan}: resumable batch scoring of whole archives, in input order, on all cores. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Score every record of files and directories (JSONL, CSV, the founding format, plain text,"
          + " .gz of each) into one JSON verdict per line, in input order, on all cores.",
      "Crash-safe: after a kill, the same command with --resume finishes the output as an"
          + " uninterrupted run would have written it. Records that fail go to the errors file.",
      "Example: vera scan archive/ --out results.jsonl --summary summary.json --report summary.html"
    })
public final class ScanCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files and directories.")
  List<Path> inputs;

  @Option(
      names = {"-o", "--out"},
      required = true,
      paramLabel = "FILE",
      description =
          "The verdicts, one JSON line per article (the vera check --format jsonl shape).")
  Path out;

  @Option(
      names = "--errors",
      paramLabel = "FILE",
      description =
          "Records that failed, with file, line and reason (default: beside --out,"
              + " results.jsonl -> results.errors.jsonl).")
  @Nullable Path errors;

  @Option(names = "--resume", description = "Go on from the checkpoint of an interrupted scan.")
  boolean resume;

  @Option(names = "--force", description = "Start over even if --out already holds verdicts.")
  boolean force;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Scoring threads (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--reasons",
      description = "Add the top phrases to each verdict, as vera check does (slower).")
  boolean reasons;

  @Option(names = "--summary", paramLabel = "FILE", description = "Write the summary as JSON.")
  @Nullable Path summaryJson;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Write the summary as a self-contained HTML page with a chart.")
  @Nullable Path report;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress display.")
  boolean quiet;

  @Option(
      names = "--commit-every",
      hidden = true,
      paramLabel = "N",
      description = "Records between checkpoints (default: 20000, or every second).")
  int commitEvery = ScanJob.DEFAULT_COMMIT_EVERY;

  @Mixin ModelOption model;
  @Mixin InputOptions input;
  @Mixin ScoringOptionsMixin scoring;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (threads < 1) {
      throw new VeraCommand.UsageException("--threads must be at least 1");
    }
    if (commitEvery < 1) {
      throw new VeraCommand.UsageException("--commit-every must be at least 1");
    }
    for (Path p : inputs) {
      if (p.toString().equals("-")) {
        throw new VeraCommand.UsageException(
            "scan reads files and directories, not standard input (it must be able to read them"
                + " again to resume); use vera check --format jsonl - for a stream");
      }
    }
    ScoringOptions options = scoring.toOptions();
    CredibilityModel m = model.load();
    Path errorsFile = errors != null ? errors : ScanJob.errorsBeside(out);
    if (same(errorsFile, out) || same(ScanJob.checkpointBeside(out), errorsFile)) {
      throw new VeraCommand.UsageException(
          "--errors must name another file than --out and its checkpoint: " + errorsFile);
    }
    ScanJob job =
        new ScanJob(
            inputs,
            input.readerOptions(err),
            options,
            reasons,
            new ScanJob.ModelIdentity(m.card().modelId(), modelDigest()),
            out,
            errorsFile,
            ScanJob.checkpointBeside(out),
            threads,
            resume,
            force,
            commitEvery);
    ScanResult result;
    try (ScanProgressView view = new ScanProgressView(err, System.console() != null, quiet)) {
      result = new BatchScanner(job, m, view).run();
    } catch (ScanRefusedException e) {
      throw new VeraCommand.UsageException(e.getMessage());
    }
    ScanSummary s = result.summary();
    // Without --threshold each verdict has its own: the model's at the base rate, and per corpus
    // for a model of several; no single line would be true of them all.
    double threshold = options.threshold() != null ? options.threshold() : Double.NaN;
    double baseRate =
        options.baseRate() != null ? options.baseRate() : m.scope().mix().referenceRate();
    if (summaryJson != null) {
      var node = s.toJson();
      node.put("output", out.toString());
      node.put("errors", errorsFile.toString());
      node.put("model", m.card().modelId());
      if (Double.isNaN(threshold)) {
        node.putNull("threshold");
      } else {
        node.put("threshold", threshold);
      }
      node.put("base_rate", baseRate);
      OutputFiles.writeString(
          summaryJson,
          VerdictJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
    }
    if (report != null) {
      OutputFiles.writeString(report, ScanReport.html(s, title(), threshold));
    }
    printSummary(err, result, errorsFile);
    return s.failed() > 0 ? VeraCommand.EXIT_SOME_RECORDS_FAILED : VeraCommand.EXIT_OK;
  }

  private static boolean same(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  private String title() {
    return inputs.stream().map(Path::toString).collect(Collectors.joining(", "));
  }

  /** The SHA-256 of the model file, or of the bundled model inside the jar. */
  private String modelDigest() throws IOException {
    ModelOption.Source source = ModelOption.source(model.model);
    if (source.file() != null) {
      return "sha256:" + Sha256.hex(source.file());
    }
    try (InputStream in = ModelOption.open(source)) {
      return "sha256:" + Sha256.hex(in) + " (bundled)";
    }
  }

  private static void printSummary(PrintWriter err, ScanResult r, Path errorsFile) {
    ScanSummary s = r.summary();
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "vera scan: %,d records: ✔ %,d credible, ✖ %,d fake, %,d failed%s",
            s.records(),
            s.credible(),
            s.fake(),
            s.failed(),
            s.failed() > 0 ? " (see " + errorsFile + ")" : ""));
    lines.add(
        String.format(
            Locale.ROOT,
            "vera scan: %,d scanned in %.1f s (%,.0f articles/s)%s",
            r.scannedNow(),
            r.seconds(),
            r.seconds() > 0 ? r.scannedNow() / r.seconds() : 0.0,
            r.resumedFrom() > 0
                ? String.format(Locale.ROOT, ", resumed after %,d", r.resumedFrom())
                : ""));
    if (s.assessed() > 0) {
      lines.add(
          String.format(
              Locale.ROOT,
              "vera scan: %,d of %,d judged articles (%.1f%%) are outside Vera's experience"
                  + " (unlike anything it was trained on): trust their verdicts less",
              s.outsideExperience(),
              s.assessed(),
              100.0 * s.outsideExperience() / s.assessed()));
    }
    long judged = s.credible() + s.fake();
    if (judged > 0) {
      StringBuilder h = new StringBuilder("vera scan: P(fake) ");
      long[] bins = s.histogram();
      long max = 1;
      for (long b : bins) {
        max = Math.max(max, b);
      }
      String ramp = " ▁▂▃▄▅▆▇█";
      h.append("0 ");
      for (long b : bins) {
        h.append(ramp.charAt(b == 0 ? 0 : (int) Math.max(1, Math.round(8.0 * b / max))));
      }
      lines.add(h.append(" 1").toString());
    }
    List<ScanSummary.SourceShare> top = s.topFakeSources();
    if (!top.isEmpty()) {
      lines.add(
          "vera scan: most ✖ by source: "
              + top.stream()
                  .limit(3)
                  .map(
                      t ->
                          String.format(
                              Locale.ROOT,
                              "%s %.0f%% of %,d",
                              t.domain(),
                              100 * t.fakeShare(),
                              t.articles()))
                  .collect(Collectors.joining(", ")));
    }
    lines.forEach(err::println);
    err.flush();
  }
}
