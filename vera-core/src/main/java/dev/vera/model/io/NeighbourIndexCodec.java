package dev.vera.model.io;

import static dev.vera.model.io.TableBytes.count;

import dev.vera.model.NeighbourIndex;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The neighbour index in a model file: its settings and publishers in the header ({@link
 * ModelHeader.Neighbours}), its articles, idf and posting lists as tables in the body
 * (docs/model-format.md).
 */
final class NeighbourIndexCodec {
  private NeighbourIndexCodec() {}

  static ModelHeader.Neighbours header(NeighbourIndex index) {
    return new ModelHeader.Neighbours(
        index.settings().k(),
        index.settings().terms(),
        NeighbourIndex.HASH_BITS,
        index.size(),
        index.publishers(),
        index.corpora(),
        index.stories() != null);
  }

  static void write(NeighbourIndex index, DataOutputStream body) throws IOException {
    writeArticles(index, body);
    writeIdf(index.idf(), body);
    writePostings(index, body);
    if (!index.corpora().isEmpty()) {
      body.write(index.corpusOf());
    }
  }

  private static void writeArticles(NeighbourIndex index, DataOutputStream body)
      throws IOException {
    boolean[] fake = index.labels();
    String[] ids = index.ids();
    int[] publisherOf = index.publisherOf();
    body.writeInt(fake.length);
    for (int i = 0; i < fake.length; i++) {
      body.writeByte(fake[i] ? 1 : 0);
      body.writeInt(publisherOf[i]);
      if (ids[i] == null) {
        body.writeInt(-1);
      } else {
        byte[] id = ids[i].getBytes(StandardCharsets.UTF_8);
        body.writeInt(id.length);
        body.write(id);
      }
    }
  }

  private static void writeIdf(float[] idf, DataOutputStream body) throws IOException {
    int kept = 0;
    for (float f : idf) {
      kept += f != 0 ? 1 : 0;
    }
    body.writeInt(kept);
    int previous = 0;
    for (int s = 0; s < idf.length; s++) {
      if (idf[s] != 0) {
        body.writeInt(s - previous);
        previous = s;
        body.writeFloat(idf[s]);
      }
    }
  }

  private static void writePostings(NeighbourIndex index, DataOutputStream body)
      throws IOException {
    int[] start = index.postingStarts();
    int[] docs = index.postingDocs();
    float[] weights = index.postingWeights();
    int used = 0;
    for (int s = 0; s + 1 < start.length; s++) {
      used += start[s + 1] > start[s] ? 1 : 0;
    }
    body.writeInt(used);
    int previous = 0;
    for (int s = 0; s + 1 < start.length; s++) {
      if (start[s + 1] == start[s]) {
        continue;
      }
      body.writeInt(s - previous);
      previous = s;
      body.writeInt(start[s + 1] - start[s]);
      int prevDoc = 0;
      for (int p = start[s]; p < start[s + 1]; p++) {
        TableBytes.writeVarInt(body, docs[p] - prevDoc);
        prevDoc = docs[p];
      }
      for (int p = start[s]; p < start[s + 1]; p++) {
        body.writeShort(NeighbourIndex.quantize(weights[p]));
      }
    }
  }

  /** The articles' labels, publishers and ids. */
  private record Articles(boolean[] fake, String[] ids, int[] publisherOf) {}

  /** The posting lists, laid out as {@link NeighbourIndex} keeps them. */
  private record Postings(int[] start, int[] docs, float[] weights) {}

  static NeighbourIndex read(ModelHeader.Neighbours near, DataInputStream body, String name)
      throws IOException {
    NeighbourIndex.Settings settings;
    try {
      settings = new NeighbourIndex.Settings(near.k(), near.terms());
    } catch (IllegalArgumentException e) {
      throw ModelFormatException.damaged(name, "neighbours: " + e.getMessage(), e);
    }
    if (near.hashBits() != NeighbourIndex.HASH_BITS) {
      throw ModelFormatException.damaged(name, "neighbour hash bits " + near.hashBits());
    }
    List<String> publishers = near.publishers() == null ? List.of() : near.publishers();
    Articles articles = readArticles(body, publishers.size(), name);
    int n = articles.fake().length;
    float[] idf = readIdf(body, name);
    Postings postings = readPostings(body, n, name);
    List<String> corpora = near.corpora() == null ? List.of() : near.corpora();
    byte[] corpusOf = new byte[0];
    if (!corpora.isEmpty()) {
      if (n > body.available()) {
        throw ModelFormatException.damaged(name, "neighbour corpora");
      }
      corpusOf = new byte[n];
      body.readFully(corpusOf);
    }
    try {
      return new NeighbourIndex(
          settings,
          idf,
          postings.start(),
          postings.docs(),
          postings.weights(),
          articles.fake(),
          articles.ids(),
          publishers,
          articles.publisherOf(),
          corpora,
          corpusOf);
    } catch (IllegalArgumentException e) {
      throw ModelFormatException.damaged(name, "neighbours: " + e.getMessage(), e);
    }
  }

  private static Articles readArticles(DataInputStream body, int publishers, String name)
      throws IOException {
    // An article takes a label byte, a publisher and an id length: 9 bytes at least.
    int n = count(body, 9, "neighbour articles", name);
    if (n <= 0 || n > (1 << 26)) {
      throw ModelFormatException.damaged(name, n + " neighbour articles");
    }
    boolean[] fake = new boolean[n];
    String[] ids = new String[n];
    int[] publisherOf = new int[n];
    for (int i = 0; i < n; i++) {
      fake[i] = body.readByte() == 1;
      publisherOf[i] = body.readInt();
      if (publisherOf[i] < -1 || publisherOf[i] >= publishers) {
        throw ModelFormatException.damaged(name, "neighbour publisher out of range");
      }
      int len = body.readInt();
      if (len >= 0) {
        if (len > (1 << 20) || len > body.available()) {
          throw ModelFormatException.damaged(name, "neighbour id of " + len + " bytes");
        }
        byte[] id = new byte[len];
        body.readFully(id);
        ids[i] = new String(id, StandardCharsets.UTF_8);
      }
    }
    return new Articles(fake, ids, publisherOf);
  }

  private static float[] readIdf(DataInputStream body, String name) throws IOException {
    int slots = 1 << NeighbourIndex.HASH_BITS;
    float[] idf = new float[slots];
    int kept = count(body, 8, "neighbour slots", name);
    int slot = 0;
    for (int i = 0; i < kept; i++) {
      slot += body.readInt();
      if (slot < 0 || slot >= slots) {
        throw ModelFormatException.damaged(name, "neighbour slot out of range");
      }
      idf[slot] = body.readFloat();
    }
    return idf;
  }

  private static Postings readPostings(DataInputStream body, int n, String name)
      throws IOException {
    int slots = 1 << NeighbourIndex.HASH_BITS;
    // A used slot takes a delta, a count and one posting (a byte and a short) at least.
    int used = count(body, 11, "neighbour posting lists", name);
    List<int[]> docLists = new ArrayList<>(used);
    List<float[]> weightLists = new ArrayList<>(used);
    int[] usedSlots = new int[used];
    int slot = 0;
    int total = 0;
    for (int u = 0; u < used; u++) {
      slot += body.readInt();
      int count = count(body, 3, "neighbour postings", name);
      if (slot < 0
          || slot >= slots
          || count <= 0
          || count > n
          || (u > 0 && slot <= usedSlots[u - 1])) {
        throw ModelFormatException.damaged(name, "neighbour postings");
      }
      usedSlots[u] = slot;
      docLists.add(readDocs(body, count, n, name));
      float[] w = new float[count];
      for (int p = 0; p < count; p++) {
        w[p] = NeighbourIndex.dequantize(body.readShort());
      }
      weightLists.add(w);
      total += count;
    }
    int[] start = new int[slots + 1];
    int[] docs = new int[total];
    float[] weights = new float[total];
    int at = 0;
    int u = 0;
    for (int s = 0; s < slots; s++) {
      start[s] = at;
      if (u < used && usedSlots[u] == s) {
        System.arraycopy(docLists.get(u), 0, docs, at, docLists.get(u).length);
        System.arraycopy(weightLists.get(u), 0, weights, at, weightLists.get(u).length);
        at += docLists.get(u).length;
        u++;
      }
    }
    start[slots] = at;
    return new Postings(start, docs, weights);
  }

  /** A posting list's article numbers: ascending, each a varint gap from the previous. */
  private static int[] readDocs(DataInputStream body, int count, int n, String name)
      throws IOException {
    int[] d = new int[count];
    int doc = 0;
    for (int p = 0; p < count; p++) {
      doc += TableBytes.readVarInt(body, name);
      if (doc < 0 || doc >= n || (p > 0 && doc == d[p - 1])) {
        throw ModelFormatException.damaged(name, "neighbour article out of range");
      }
      d[p] = doc;
    }
    return d;
  }
}
