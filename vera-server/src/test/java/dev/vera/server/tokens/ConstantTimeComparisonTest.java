package dev.vera.server.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The token check compares digests in constant time: read in the compiled bytecode (with the JDK's
 * javap), since no clock in a test can see a difference of a few nanoseconds. {@code
 * TokenHash.matches} must call {@code MessageDigest.isEqual} and nothing that stops at the first
 * differing byte; {@code TokenFile.analystOf} must try every entry, returning only after the loop.
 */
class ConstantTimeComparisonTest {
  private static final List<String> EARLY_EXIT_COMPARISONS =
      List.of(
          "java/util/Arrays.equals",
          "java/util/Arrays.mismatch",
          "java/lang/String.equals",
          "contentEquals",
          "compareTo");

  @Test
  void tokenHashMatchesComparesWithMessageDigestIsEqualOnly() throws Exception {
    String code = method(TokenHash.class, "public boolean matches(java.lang.String)");
    assertTrue(code.contains("Method java/security/MessageDigest.isEqual:([B[B)Z"), code);
    for (String call : EARLY_EXIT_COMPARISONS) {
      assertFalse(code.contains(call), "matches calls " + call + ":\n" + code);
    }
  }

  @Test
  void analystOfTriesEveryEntryAndReturnsOnceAfterTheLoop() throws Exception {
    String code =
        method(
            TokenFile.class,
            "public java.util.Optional<java.lang.String> analystOf(java.lang.String)");
    assertTrue(
        code.contains("Method dev/vera/server/tokens/TokenHash.matches:(Ljava/lang/String;)Z"),
        code);
    assertEquals(1, code.split("areturn", -1).length - 1, "one return, after the loop:\n" + code);
    for (String call : EARLY_EXIT_COMPARISONS) {
      assertFalse(code.contains(call), "analystOf calls " + call + ":\n" + code);
    }
  }

  /** The bytecode of one method, as {@code javap -c -p} prints it. */
  private static String method(Class<?> type, String signature) throws URISyntaxException {
    ToolProvider javap =
        ToolProvider.findFirst("javap")
            .orElseThrow(() -> new AssertionError("no javap in this JDK"));
    Path classes = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    StringWriter out = new StringWriter();
    int exit =
        javap.run(
            new PrintWriter(out),
            new PrintWriter(out),
            "-c",
            "-p",
            "-cp",
            classes.toString(),
            type.getName());
    String all = out.toString();
    assertEquals(0, exit, all);
    int start = all.indexOf("  " + signature + ";");
    assertTrue(start >= 0, "no method " + signature + " in:\n" + all);
    int end = all.indexOf("\n\n", start);
    return all.substring(start, end < 0 ? all.length() : end);
  }
}
