package dev.vera.model.io;

import static dev.vera.model.io.TableBytes.count;

import dev.vera.text.FeatureConfig;
import dev.vera.text.TextVectorizer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The linear text model's tables in a model file: the kept hashed slots with their idf and weight,
 * the style weights and the training articles' content hashes (docs/model-format.md).
 */
final class LinearTablesCodec {
  private LinearTablesCodec() {}

  /**
   * The tables as read.
   *
   * @param idf idf per hashed slot (0 for a slot not kept)
   * @param weights a weight per feature: hashed slots, then style features
   * @param styles how many style features there are
   * @param trainingHashes the training articles' content hashes, sorted
   */
  record Tables(float[] idf, float[] weights, int styles, long[] trainingHashes) {}

  static void write(
      TextVectorizer vectorizer, float[] weights, long[] hashes, DataOutputStream body)
      throws IOException {
    float[] idf = vectorizer.idf();
    body.writeInt(vectorizer.keptSlots());
    int previous = 0;
    for (int i = 0; i < idf.length; i++) {
      if (idf[i] != 0) {
        // Deltas are small numbers that deflate well.
        body.writeInt(i - previous);
        previous = i;
      }
    }
    for (float f : idf) {
      if (f != 0) {
        body.writeFloat(f);
      }
    }
    for (int i = 0; i < idf.length; i++) {
      if (idf[i] != 0) {
        body.writeFloat(weights[i]);
      }
    }
    int styles = weights.length - idf.length;
    body.writeInt(styles);
    for (int i = 0; i < styles; i++) {
      body.writeFloat(weights[idf.length + i]);
    }
    body.writeInt(hashes.length);
    for (long h : hashes) {
      body.writeLong(h);
    }
  }

  static Tables read(FeatureConfig features, DataInputStream body, String name) throws IOException {
    int size = features.hashSize();
    // A kept slot takes a delta, an idf and a weight: 12 bytes.
    int kept = count(body, 12, "kept feature slots", name);
    int[] slots = new int[kept];
    int previous = 0;
    for (int i = 0; i < kept; i++) {
      previous += body.readInt();
      if (previous < 0 || previous >= size) {
        throw ModelFormatException.damaged(name, "feature slot out of range");
      }
      slots[i] = previous;
    }
    float[] idf = new float[size];
    for (int i = 0; i < kept; i++) {
      idf[slots[i]] = body.readFloat();
    }
    float[] weights = new float[features.dimension()];
    for (int i = 0; i < kept; i++) {
      weights[slots[i]] = body.readFloat();
    }
    int styles = count(body, 4, "style weights", name);
    if (styles != features.dimension() - size) {
      throw ModelFormatException.damaged(
          name, styles + " style weights, expected " + (features.dimension() - size));
    }
    for (int i = 0; i < styles; i++) {
      weights[size + i] = body.readFloat();
    }
    long[] hashes = new long[count(body, 8, "training hashes", name)];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = body.readLong();
    }
    return new Tables(idf, weights, styles, hashes);
  }
}
