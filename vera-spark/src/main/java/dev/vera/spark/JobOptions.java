package dev.vera.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The job's arguments, checked.
 *
 * @param input the input path (file, directory or glob; any Hadoop file system URI)
 * @param format the input format: {@code jsonl}, {@code csv} or {@code parquet}
 * @param output the output directory (refused when it exists, unless {@code force})
 * @param outputFormat {@code parquet} or {@code jsonl}
 * @param model the model file: a local path, or the name of a file shipped with {@code --files}
 * @param useSource mix the publisher's reputation into the verdict
 * @param threshold the decision threshold, or null for the model's own
 * @param baseRate the share of fake in the scored feed, or null for the model's training mix
 * @param master the Spark master, or null for the one spark-submit sets (else {@code local[*]})
 * @param force overwrite an existing output
 * @param partitions repartition the input into this many partitions before scoring, or 0 to keep
 *     the reader's partitions
 */
public record JobOptions(
    String input,
    String format,
    String output,
    String outputFormat,
    String model,
    boolean useSource,
    @Nullable Double threshold,
    @Nullable Double baseRate,
    @Nullable String master,
    boolean force,
    int partitions)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  static final List<String> INPUT_FORMATS = List.of("jsonl", "csv", "parquet");
  static final List<String> OUTPUT_FORMATS = List.of("parquet", "jsonl");

  public static final String USAGE =
      """
      Usage: vera-spark --input PATH --format jsonl|csv|parquet --output DIR
                        [--output-format parquet|jsonl] --model MODEL.vera
                        [--use-source] [--threshold P] [--base-rate P] [--master URL]
                        [--partitions N] [--force]

      Scores every article of INPUT with a Vera model and writes the input's columns plus
      label, probability_fake, text_probability_fake, threshold, used_source, base_rate,
      applicability, outside_experience, source_domain, source_basis, source_fake_rate and
      error (null unless the record could not be judged).
      An input column with one of those names is kept as input_<name>.

        --input PATH          file, directory or glob (file:, hdfs:, s3a: … URIs work)
        --format F            jsonl, csv (with a header) or parquet
        --output DIR          output directory; refused when it exists unless --force
        --output-format F     parquet (default) or jsonl
        --model MODEL         model file; on a cluster ship it with --files and give its path
                              or just its file name
        --use-source          mix the publisher's reputation into the verdict
        --threshold P         decision threshold, 0 < P < 1 (default: the model's)
        --base-rate P         share of fake in the scored feed, 0 < P < 1: probability and
                              threshold are re-expressed for it (default: the training mix)
        --master URL          Spark master (default: spark-submit's, else local[*])
        --partitions N        repartition the input into N partitions before scoring
        --force               overwrite an existing output
      """;

  /** Parses and checks the arguments. */
  public static JobOptions parse(String[] args) throws UsageException {
    String input = null;
    String format = null;
    String output = null;
    String outputFormat = "parquet";
    String model = null;
    boolean useSource = false;
    Double threshold = null;
    Double baseRate = null;
    String master = null;
    boolean force = false;
    int partitions = 0;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String name = a;
      String inline = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        name = a.substring(0, eq);
        inline = a.substring(eq + 1);
      }
      switch (name) {
        case "--use-source" -> useSource = true;
        case "--force" -> force = true;
        case "--input",
            "--format",
            "--output",
            "--output-format",
            "--model",
            "--threshold",
            "--base-rate",
            "--master",
            "--partitions" -> {
          String v;
          if (inline != null) {
            v = inline;
          } else if (i + 1 < args.length) {
            v = args[++i];
          } else {
            throw new UsageException(name + " needs a value");
          }
          if (v.isBlank()) {
            throw new UsageException(name + " needs a non-empty value");
          }
          switch (name) {
            case "--input" -> input = v;
            case "--format" -> format = oneOf(name, v, INPUT_FORMATS);
            case "--output" -> output = v;
            case "--output-format" -> outputFormat = oneOf(name, v, OUTPUT_FORMATS);
            case "--model" -> model = v;
            case "--threshold" -> threshold = probability(name, v);
            case "--base-rate" -> baseRate = probability(name, v);
            case "--master" -> master = v;
            case "--partitions" -> partitions = partitions(v);
            default -> throw new IllegalStateException(name);
          }
        }
        default -> throw new UsageException("unknown argument '" + a + "'");
      }
    }
    if (input == null) {
      throw new UsageException("--input is required");
    }
    if (format == null) {
      format = guessFormat(input);
      if (format == null) {
        throw new UsageException("--format is required (jsonl, csv or parquet)");
      }
    }
    if (output == null) {
      throw new UsageException("--output is required");
    }
    if (model == null) {
      throw new UsageException("--model is required");
    }
    if (stripSlash(output).equals(stripSlash(input))) {
      throw new UsageException("--output must differ from --input");
    }
    return new JobOptions(
        input,
        format,
        output,
        outputFormat,
        model,
        useSource,
        threshold,
        baseRate,
        master,
        force,
        partitions);
  }

  private static String stripSlash(String p) {
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  private static @Nullable String guessFormat(String input) {
    String s = input.toLowerCase(Locale.ROOT);
    if (s.endsWith(".jsonl") || s.endsWith(".ndjson") || s.endsWith(".jsonl.gz")) {
      return "jsonl";
    }
    if (s.endsWith(".csv") || s.endsWith(".csv.gz")) {
      return "csv";
    }
    if (s.endsWith(".parquet")) {
      return "parquet";
    }
    return null;
  }

  private static String oneOf(String name, String v, List<String> allowed) throws UsageException {
    String l = v.toLowerCase(Locale.ROOT);
    if (l.equals("json") || l.equals("ndjson")) {
      l = "jsonl";
    }
    if (!allowed.contains(l)) {
      throw new UsageException(
          name + " is '" + v + "'; allowed values are " + String.join(", ", allowed));
    }
    return l;
  }

  /** A number strictly between 0 and 1 ({@code --threshold}, {@code --base-rate}). */
  private static Double probability(String name, String v) throws UsageException {
    double t;
    try {
      t = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new UsageException(name + " is '" + v + "', which is not a number");
    }
    if (!(t > 0 && t < 1)) {
      throw new UsageException(name + " must lie strictly between 0 and 1, was " + v);
    }
    return t;
  }

  private static int partitions(String v) throws UsageException {
    try {
      int n = Integer.parseInt(v);
      if (n < 1) {
        throw new UsageException("--partitions must be at least 1, was " + v);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException("--partitions is '" + v + "', which is not a whole number");
    }
  }
}
