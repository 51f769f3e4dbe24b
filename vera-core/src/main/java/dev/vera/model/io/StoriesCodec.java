package dev.vera.model.io;

import dev.vera.model.NeighbourIndex;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.zip.DeflaterOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * The neighbour index's stories in a model file (format version 6): per training article, in
 * training order, its title and URL as UTF-8 strings and its date as an epoch day, at the end of
 * the body (docs/model-format.md).
 */
final class StoriesCodec {
  /** The date of an article that has none. */
  private static final int NO_DATE = Integer.MIN_VALUE;

  /** A longer title or URL means a damaged file. */
  private static final int MAX_STRING_BYTES = 1 << 16;

  private StoriesCodec() {}

  static void write(NeighbourIndex.Stories stories, DataOutputStream body) throws IOException {
    body.writeInt(stories.size());
    for (int i = 0; i < stories.size(); i++) {
      writeString(body, stories.titles()[i]);
      LocalDate d = stories.dates()[i];
      body.writeInt(d == null ? NO_DATE : Math.toIntExact(d.toEpochDay()));
      writeString(body, stories.urls()[i]);
    }
  }

  /** What the stories add to a model file: their bytes deflated on their own. */
  static int deflatedSize(NeighbourIndex.Stories stories) {
    ByteArrayOutputStream deflated = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(deflated))) {
      write(stories, out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory", e);
    }
    return deflated.size();
  }

  /**
   * Reads the stories of an index of {@code articles} training articles.
   *
   * @throws ModelFormatException when they do not fit it or the bytes are damaged
   */
  static NeighbourIndex.Stories read(DataInputStream body, int articles, String name)
      throws IOException {
    int n = body.readInt();
    // A story takes two string lengths and a date: 6 bytes at least.
    if (n != articles || (long) n * 6 > body.available()) {
      throw ModelFormatException.damaged(
          name, n + " stories for " + articles + " neighbour articles");
    }
    String[] titles = new String[n];
    LocalDate[] dates = new LocalDate[n];
    String[] urls = new String[n];
    for (int i = 0; i < n; i++) {
      titles[i] = readString(body, name);
      int day = body.readInt();
      try {
        dates[i] = day == NO_DATE ? null : LocalDate.ofEpochDay(day);
      } catch (DateTimeException e) {
        throw ModelFormatException.damaged(name, "story date " + day, e);
      }
      urls[i] = readString(body, name);
    }
    return new NeighbourIndex.Stories(titles, dates, urls);
  }

  /** Its length plus one (0 for null) as a varint, then its UTF-8 bytes. */
  private static void writeString(DataOutputStream body, @Nullable String s) throws IOException {
    if (s == null) {
      TableBytes.writeVarInt(body, 0);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    TableBytes.writeVarInt(body, b.length + 1);
    body.write(b);
  }

  private static @Nullable String readString(DataInputStream body, String name) throws IOException {
    int len = TableBytes.readVarInt(body, name) - 1;
    if (len < 0) {
      return null;
    }
    if (len > MAX_STRING_BYTES || len > body.available()) {
      throw ModelFormatException.damaged(name, "story text of " + len + " bytes");
    }
    byte[] b = new byte[len];
    body.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
