package dev.vera.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vera.io.Utf8LineReader.Line;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class Utf8LineReaderTest {

  private static List<Line> lines(byte[] bytes, int cap) throws IOException {
    List<Line> out = new ArrayList<>();
    try (Utf8LineReader r = new Utf8LineReader(new ByteArrayInputStream(bytes), cap)) {
      for (Line l = r.next(); l != null; l = r.next()) {
        out.add(l);
      }
      assertNull(r.next());
    }
    return out;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void stripsBomAndCarriageReturnsAndKeepsALastLineWithoutNewline() throws IOException {
    assertEquals(
        List.of(
            new Line(1, "first", null),
            new Line(2, "", null),
            new Line(3, "ünïcödé ✔", null),
            new Line(4, "last\rinner", null)),
        lines(utf8("\uFEFFfirst\r\n\r\nünïcödé ✔\nlast\rinner"), 100));
  }

  @Test
  void aFinalNewlineDoesNotMakeAnEmptyLine() throws IOException {
    assertEquals(List.of(new Line(1, "a", null)), lines(utf8("a\n"), 100));
    assertEquals(List.of(), lines(new byte[0], 100));
  }

  @Test
  void reportsTheByteColumnOfInvalidUtf8() throws IOException {
    byte[] truncated = {'o', 'k', '\n', 'a', 'b', (byte) 0xE2, (byte) 0x9C, '\n', 'z'};
    List<Line> out = lines(truncated, 100);

    assertEquals(3, out.size());
    assertEquals(
        "invalid UTF-8 on line 2 at byte column 3 (byte 0xE2); Vera reads UTF-8 text",
        out.get(1).problem());
    assertEquals("ab\uFFFD", out.get(1).text());
    assertEquals(new Line(3, "z", null), out.get(2));
  }

  @Test
  void decodesStrictlyWhateverTheBytesAndKeepsAGenuineReplacementCharacter() throws IOException {
    // A real U+FFFD is valid text; surrogates, overlong forms and stray bytes are not.
    assertEquals(
        List.of(new Line(1, "a\uFFFDb \uD83D\uDE00", null)),
        lines(utf8("a\uFFFDb \uD83D\uDE00"), 100));
    byte[][] invalid = {
      {'x', (byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {'x', (byte) 0xC0, (byte) 0xAF},
      {'x', (byte) 0x80},
      {'x', (byte) 0xEF, (byte) 0xBF, (byte) 0xBD, (byte) 0xFF}
    };
    int[] column = {2, 2, 2, 5};
    for (int i = 0; i < invalid.length; i++) {
      Line l = lines(invalid[i], 100).get(0);
      assertEquals(new String(invalid[i], StandardCharsets.UTF_8), l.text());
      assertEquals(
          String.format(
              Locale.ROOT,
              "invalid UTF-8 on line 1 at byte column %d (byte 0x%02X); Vera reads UTF-8 text",
              column[i],
              invalid[i][column[i] - 1] & 0xff),
          l.problem());
    }
  }

  @Test
  void overlongLinesAreDroppedAndCounted() throws IOException {
    List<Line> out = lines(utf8("short\n" + "x".repeat(5000) + "\nafter"), 1000);

    assertEquals(new Line(1, "short", null), out.get(0));
    assertEquals(
        new Line(
            2,
            "",
            "line 2 is too long: 5.0 kB, over the 1.0 kB line limit; the record was skipped"),
        out.get(1));
    assertEquals(new Line(3, "after", null), out.get(2));
  }
}
