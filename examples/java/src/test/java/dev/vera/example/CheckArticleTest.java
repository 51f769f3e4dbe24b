package dev.vera.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the README's example on a real article, as a reader would: it must still work. */
class CheckArticleTest {
  @Test
  void theExampleJudgesARealArticleAndSaysWhy() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = System.out;
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      CheckArticle.main(new String[] {"article.txt"});
    } finally {
      System.setOut(out);
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);
    out.print(printed);
    assertTrue(
        printed.matches(
            "(?s)(CREDIBLE|FAKE): P\\(fake\\) = 0\\.\\d{3} \\(threshold 0\\.\\d{3}, model vera-fast-[0-9a-f]{12}\\)\n.*"),
        printed);
    assertTrue(printed.contains("  toward fake:     "), printed);
    assertTrue(printed.contains("  toward credible: "), printed);
    assertTrue(printed.contains("  similar story:   "), printed);
    assertTrue(printed.contains("  at a 5% base rate: P(fake) = 0."), printed);
  }
}
