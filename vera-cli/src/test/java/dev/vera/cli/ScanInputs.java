package dev.vera.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Generated scan inputs and a way to run {@code vera} in a child JVM, for the scan tests. */
final class ScanInputs {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ScanInputs() {}

  /** The fixture corpus's articles, as JSON objects. */
  static List<ObjectNode> corpus() throws IOException {
    List<ObjectNode> articles = new ArrayList<>();
    for (String line : Files.readAllLines(Cli.corpus(), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        articles.add((ObjectNode) JSON.readTree(line));
      }
    }
    return articles;
  }

  /**
   * Writes {@code records} articles to {@code file}, cycling through the fixture corpus with unique
   * ids ({@code a-0}, {@code a-1}, ...), each body the fixture's repeated {@code repeat} times;
   * returns the file.
   */
  static Path jsonl(Path file, int records, int repeat) throws IOException {
    List<ObjectNode> corpus = corpus();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < records; i++) {
        ObjectNode a = corpus.get(i % corpus.size()).deepCopy();
        a.put("id", "a-" + i);
        String text = a.path("text").asText();
        a.put("text", (text + "\n\n").repeat(repeat).strip());
        w.write(JSON.writeValueAsString(a));
        w.write('\n');
      }
    }
    return file;
  }

  /** The test classpath, for child JVMs. */
  static String classpath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /** A {@code vera} command line in a child JVM with the given JVM options. */
  static ProcessBuilder vera(List<String> jvmOptions, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(classpath());
    cmd.add(VeraCommand.class.getName());
    cmd.addAll(args);
    return new ProcessBuilder(cmd);
  }

  /** Runs a child to its end within {@code seconds}, its stderr in {@code log}; the exit code. */
  static int runChild(ProcessBuilder pb, Path log, long seconds)
      throws IOException, InterruptedException {
    File logFile = log.toFile();
    Process p = pb.redirectErrorStream(true).redirectOutput(logFile).start();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError(
          "child did not finish in " + seconds + " s:\n" + Files.readString(log));
    }
    return p.exitValue();
  }
}
