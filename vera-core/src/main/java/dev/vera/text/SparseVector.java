package dev.vera.text;

/**
 * A feature vector with its non-zero entries in ascending index order.
 *
 * @param indices 0-based feature indices, strictly ascending
 * @param values the values at those indices
 */
public record SparseVector(int[] indices, float[] values) {
  public SparseVector {
    if (indices.length != values.length) {
      throw new IllegalArgumentException("indices and values differ in length");
    }
  }

  public int size() {
    return indices.length;
  }
}
