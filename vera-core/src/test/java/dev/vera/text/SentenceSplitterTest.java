package dev.vera.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
  private final SentenceSplitter splitter = SentenceSplitter.ENGLISH;

  private List<String> texts(String s) {
    return splitter.split(s).stream().map(Sentence::text).toList();
  }

  @Test
  void keepsAbbreviationsAndSplitsAtLineBreaks() {
    String text =
        "Tax Cuts Hit Schools\n\nThe U.S. economy grew 3.5% in 2019, said Mr. Smith. Is that true?"
            + " He said \"we won.\" Then he left!\nThey met Mrs. Warren on Jan. 5. Dr. Who?";
    assertEquals(
        List.of(
            "Tax Cuts Hit Schools",
            "The U.S. economy grew 3.5% in 2019, said Mr. Smith.",
            "Is that true?",
            "He said \"we won.\"",
            "Then he left!",
            "They met Mrs. Warren on Jan. 5.",
            // ICU's English list keeps "Mr.", "Mrs.", "Jan."; it lacks "Sen." and breaks a leading
            // "Dr.".
            "Dr.",
            "Who?"),
        texts(text));
  }

  @Test
  void offsetsPointAtTheSentenceInTheText() {
    String text = "  First one.   Second one?\n";
    List<Sentence> s = splitter.split(text);
    assertEquals(
        List.of(new Sentence("First one.", 2, 12), new Sentence("Second one?", 15, 26)), s);
    for (Sentence x : s) {
      assertEquals(x.text(), text.substring(x.start(), x.end()));
    }
  }

  @Test
  void blankTextHasNoSentence() {
    assertEquals(List.of(), texts(""));
    assertEquals(List.of(), texts(" \n\n\t "));
  }

  @Test
  void anEndlessSentenceIsCut() {
    String text = "word ".repeat(1000).strip();
    List<Sentence> s = splitter.split(text);
    assertEquals(3, s.size());
    assertEquals(SentenceSplitter.MAX_SENTENCE_CHARS, s.get(0).text().length());
  }
}
