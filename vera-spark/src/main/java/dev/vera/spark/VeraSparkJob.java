package dev.vera.spark;

import dev.vera.model.io.ModelFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * The driver: checks the arguments, builds the session, reads, scores each partition with the model
 * (loaded once per executor), writes, stops. Nothing of the data is collected to the driver.
 *
 * <p>Exit codes as in {@code vera}: 0 done, 2 bad usage, 3 the work could not be done.
 */
public final class VeraSparkJob {

  private VeraSparkJob() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs the job from its arguments; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    for (String a : args) {
      if (a.equals("--help") || a.equals("-h")) {
        out.print(JobOptions.USAGE);
        return 0;
      }
    }
    JobOptions options;
    try {
      options = JobOptions.parse(args);
    } catch (UsageException e) {
      err.println("vera-spark: " + e.getMessage());
      err.print(JobOptions.USAGE);
      return 2;
    }
    // Fail before starting Spark when the model is local and unreadable. When the file is not
    // on this machine (cluster deploy mode), the executors find it among the --files.
    Path local = ModelHolder.resolve(options.model());
    if (local != null) {
      try {
        ModelFile.read(local);
      } catch (IOException | RuntimeException e) {
        err.println("vera-spark: cannot read model " + local + ": " + e.getMessage());
        return 3;
      }
    }
    long begin = System.nanoTime();
    SparkSession spark = session(options.master());
    try {
      long start = System.nanoTime();
      run(spark, options);
      long end = System.nanoTime();
      out.printf(
          Locale.ROOT,
          "vera-spark: wrote %s (%s) in %.1f s (session start %.1f s before that)%n",
          options.output(),
          options.outputFormat(),
          (end - start) / 1e9,
          (start - begin) / 1e9);
      return 0;
    } catch (UsageException e) {
      err.println("vera-spark: " + e.getMessage());
      return 2;
    } catch (Exception e) { // Spark also throws checked exceptions it does not declare
      err.println("vera-spark: the job failed: " + e);
      if (System.getenv("VERA_DEBUG") != null) {
        e.printStackTrace(err);
      }
      return 3;
    } finally {
      spark.stop();
    }
  }

  /**
   * The session: the given master, else the one spark-submit set, else {@code local[*]}. Local
   * sessions bind the driver to the loopback address (otherwise Spark may pick a non-loopback one
   * that the machine cannot reach).
   */
  static SparkSession session(@Nullable String master) {
    SparkSession.Builder b = SparkSession.builder().appName("vera-spark");
    String m = master;
    if (m == null && System.getProperty("spark.master") == null) {
      m = "local[*]";
    }
    if (m != null) {
      b = b.master(m);
    }
    String effective = m != null ? m : System.getProperty("spark.master", "");
    if (effective.startsWith("local")) {
      if (System.getProperty("spark.driver.host") == null) {
        b = b.config("spark.driver.host", "127.0.0.1");
      }
      if (System.getProperty("spark.driver.bindAddress") == null) {
        b = b.config("spark.driver.bindAddress", "127.0.0.1");
      }
    }
    return b.getOrCreate();
  }

  /** Reads, scores and writes with an existing session (which it leaves open). */
  public static void run(SparkSession spark, JobOptions options) throws UsageException {
    if (!options.force() && outputExists(spark, options.output())) {
      throw new UsageException(
          "the output " + options.output() + " exists; give --force to overwrite it");
    }
    Dataset<Row> input = read(spark, options);
    if (options.partitions() > 0) {
      input = input.repartition(options.partitions());
    }
    Dataset<Row> scored = score(input, options);
    write(scored, options);
  }

  private static boolean outputExists(SparkSession spark, String output) {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(output);
    try {
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
    } catch (IOException e) {
      return false; // let the writer report what is wrong with the output
    }
  }

  static Dataset<Row> read(SparkSession spark, JobOptions options) {
    DataFrameReader r = spark.read();
    return switch (options.format()) {
      case "jsonl" -> r.option("mode", "PERMISSIVE").json(options.input());
      case "csv" ->
          r.option("header", "true")
              .option("multiLine", "true")
              .option("escape", "\"")
              .option("encoding", StandardCharsets.UTF_8.name())
              .csv(options.input());
      case "parquet" -> r.parquet(options.input());
      default -> throw new IllegalArgumentException("format " + options.format());
    };
  }

  /** The input with the verdict columns appended, scored partition by partition. */
  public static Dataset<Row> score(Dataset<Row> input, JobOptions options) throws UsageException {
    StructType schema = input.schema();
    ArticleColumns columns = ArticleColumns.of(schema);
    VerdictScorer scorer =
        new VerdictScorer(
            options.model(),
            options.useSource(),
            options.threshold(),
            options.baseRate(),
            columns,
            schema.fields().length);
    return input.mapPartitions(scorer, Encoders.row(VerdictScorer.outputSchema(schema)));
  }

  static void write(Dataset<Row> scored, JobOptions options) {
    var w = scored.write().mode(options.force() ? SaveMode.Overwrite : SaveMode.ErrorIfExists);
    switch (options.outputFormat()) {
      case "parquet" -> w.parquet(options.output());
      case "jsonl" -> w.option("ignoreNullFields", "false").json(options.output());
      default -> throw new IllegalArgumentException("output format " + options.outputFormat());
    }
  }
}
