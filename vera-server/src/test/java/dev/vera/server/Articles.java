package dev.vera.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vera.output.VerdictJson;

/** Articles and request bodies shared by the server tests. */
final class Articles {
  private Articles() {}

  static final String RUMOR_TITLE =
      "EXCLUSIVE: Star Couple's Secret Split \u2014 Insiders Say Marriage Is OVER!";
  static final String RUMOR_TEXT =
      "Hollywood's golden couple is allegedly heading for a bitter divorce, and a source close to"
          + " the pair says the end came after a shocking showdown at their Malibu mansion!\n\n"
          + "\"They can barely stand to be in the same room anymore,\" an insider spilled. \"She"
          + " found out about the secret texts and completely lost it. Friends are begging them to"
          + " keep it quiet until the movie comes out.\"\n\n"
          + "The pair, who reportedly signed an ironclad prenup, have not been seen together in"
          + " weeks. Sources say lawyers are already drawing up the papers, and one pal claims the"
          + " actor has quietly moved into a rented bungalow across town.\n\n"
          + "Representatives for the couple did not respond to our requests for comment. Fans are"
          + " heartbroken \u2014 and many are wondering whether the rumored affair with a co-star"
          + " is the real reason behind the split!";
  static final String WIRE_TITLE = "Film academy announces nominations for annual awards";
  static final String WIRE_TEXT =
      "The film academy announced the nominees for its annual awards on Tuesday in Los Angeles."
          + " The ceremony will be held on March 4 and broadcast live. A spokesperson said voting"
          + " by members closes on February 27. The list includes nine films in the best picture"
          + " category, according to the announcement.";

  static ObjectNode article(String title, String text) {
    ObjectNode n = VerdictJson.mapper().createObjectNode();
    n.put("title", title);
    n.put("text", text);
    return n;
  }

  static ObjectNode rumor() {
    return article(RUMOR_TITLE, RUMOR_TEXT);
  }
}
