package dev.vera.feedback;

import java.nio.file.Path;

/**
 * A child process for {@link KillDuringWriteTest}: stores corrections in a loop and prints {@code
 * acked ID;} after each commit, until it is killed.
 */
public final class FeedbackWriterProcess {
  private FeedbackWriterProcess() {}

  public static void main(String[] args) throws Exception {
    try (FeedbackStore store = FeedbackStore.open(Path.of(args[0]))) {
      for (int i = 0; ; i++) {
        Correction c = store.add(Corrections.draft("child", i));
        System.out.println("acked " + c.id() + ";");
        System.out.flush();
      }
    }
  }
}
