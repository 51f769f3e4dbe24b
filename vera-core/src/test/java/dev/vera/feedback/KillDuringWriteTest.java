package dev.vera.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real child process stores corrections in a loop and is killed with SIGKILL ({@link
 * Process#destroyForcibly()}) in the middle of its writes: every id it acknowledged (printed after
 * the commit) is in the file afterwards, and the file opens and checks sound.
 */
class KillDuringWriteTest {
  @TempDir Path dir;

  @Test
  void everyAcknowledgedCorrectionSurvivesSigkill() throws Exception {
    Path db = dir.resolve("killed.db");
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<Long> acked = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      Process p =
          new ProcessBuilder(
                  java.toString(),
                  "-cp",
                  classPath,
                  FeedbackWriterProcess.class.getName(),
                  db.toString())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      int seenThisRound = 0;
      try (BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // Kill at an arbitrary point mid-stream: after 50 + 37 * round acknowledgements.
        String line;
        while ((line = out.readLine()) != null) {
          if (line.startsWith("acked ") && line.endsWith(";")) {
            acked.add(Long.parseLong(line.substring(6, line.length() - 1)));
            if (++seenThisRound >= 50 + 37 * round) {
              break;
            }
          }
          if (System.nanoTime() > deadline) {
            break;
          }
        }
        // The child is still writing: SIGKILL lands mid-transaction or between two. No shutdown
        // hook, no close. (Lines it printed after our last read are not checked.)
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      }
      assertTrue(
          seenThisRound >= 50,
          "the child wrote " + seenThisRound + " corrections before the deadline");
    }
    try (FeedbackStore store = FeedbackStore.open(db)) {
      assertEquals("ok", store.integrityCheck());
      Set<Long> present = new HashSet<>();
      store.list().forEach(c -> present.add(c.id()));
      List<Long> missing = acked.stream().filter(id -> !present.contains(id)).toList();
      assertEquals(List.of(), missing, "acknowledged but lost");
      // The store still takes writes after the kills.
      long next = store.add(Corrections.draft("after", 1)).id();
      assertTrue(next > acked.stream().mapToLong(Long::longValue).max().orElse(0));
    }
  }
}
