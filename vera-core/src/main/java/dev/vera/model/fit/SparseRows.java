package dev.vera.model.fit;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A sparse matrix held twice, by rows and by columns, in primitive arrays: the row layout
 * multiplies a vector ({@code X·v}), the column layout multiplies by the transpose ({@code Xᵀ·u}).
 * Each output entry is one sequential sum, whatever thread computes it, so products are the same
 * doubles on any number of cores.
 */
public final class SparseRows {
  private final int rows;
  private final int columns;
  private final int[] rowStart;
  private final int[] rowColumn;
  private final float[] rowValue;
  private final int[] columnStart;
  private final int[] columnRow;
  private final float[] columnValue;

  private SparseRows(int rows, int columns, int[] rowStart, int[] rowColumn, float[] rowValue) {
    this.rows = rows;
    this.columns = columns;
    this.rowStart = rowStart;
    this.rowColumn = rowColumn;
    this.rowValue = rowValue;
    // The column layout: a counting sort of the entries by column, rows ascending in each.
    int nnz = rowColumn.length;
    columnStart = new int[columns + 1];
    for (int c : rowColumn) {
      columnStart[c + 1]++;
    }
    for (int c = 0; c < columns; c++) {
      columnStart[c + 1] += columnStart[c];
    }
    columnRow = new int[nnz];
    columnValue = new float[nnz];
    int[] fill = Arrays.copyOf(columnStart, columns);
    for (int r = 0; r < rows; r++) {
      for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
        int p = fill[rowColumn[k]]++;
        columnRow[p] = r;
        columnValue[p] = rowValue[k];
      }
    }
  }

  /** Builds the matrix from rows given as sorted column indices and values. */
  public static final class Builder {
    private final int columns;
    private int[] starts = new int[1024];
    private int[] cols = new int[1 << 16];
    private float[] vals = new float[1 << 16];
    private int rows;
    private int nnz;

    public Builder(int columns) {
      this.columns = columns;
    }

    /**
     * Adds a row.
     *
     * @param indices column indices, ascending, each in {@code [0, columns)}
     */
    public Builder add(int[] indices, float[] values) {
      if (indices.length != values.length) {
        throw new IllegalArgumentException("a row needs one value per index");
      }
      if (rows + 2 > starts.length) {
        starts = Arrays.copyOf(starts, starts.length * 2);
      }
      if (nnz + indices.length > cols.length) {
        int size = Math.max(cols.length * 2, nnz + indices.length);
        cols = Arrays.copyOf(cols, size);
        vals = Arrays.copyOf(vals, size);
      }
      int previous = -1;
      for (int i = 0; i < indices.length; i++) {
        if (indices[i] <= previous || indices[i] >= columns) {
          throw new IllegalArgumentException(
              "row " + rows + ": column " + indices[i] + " out of order or beyond " + columns);
        }
        previous = indices[i];
        cols[nnz] = indices[i];
        vals[nnz++] = values[i];
      }
      starts[++rows] = nnz;
      return this;
    }

    public SparseRows build() {
      return new SparseRows(
          rows,
          columns,
          Arrays.copyOf(starts, rows + 1),
          Arrays.copyOf(cols, nnz),
          Arrays.copyOf(vals, nnz));
    }
  }

  public int rows() {
    return rows;
  }

  public int columns() {
    return columns;
  }

  /** Stored entries. */
  public int entries() {
    return rowColumn.length;
  }

  /** {@code out = X·v}, on all cores. */
  public void multiply(double[] v, double[] out) {
    IntStream.range(0, blocks(rows))
        .parallel()
        .forEach(
            b -> {
              int from = b * BLOCK;
              int to = Math.min(rows, from + BLOCK);
              for (int r = from; r < to; r++) {
                out[r] = dotRow(r, v);
              }
            });
  }

  /** {@code out = Xᵀ·u}, on all cores. */
  public void multiplyTransposed(double[] u, double[] out) {
    IntStream.range(0, blocks(columns))
        .parallel()
        .forEach(
            b -> {
              int from = b * BLOCK;
              int to = Math.min(columns, from + BLOCK);
              for (int c = from; c < to; c++) {
                double s = 0;
                for (int k = columnStart[c]; k < columnStart[c + 1]; k++) {
                  s += u[columnRow[k]] * columnValue[k];
                }
                out[c] = s;
              }
            });
  }

  /** {@code out[c] = Σ_r d[r]·X[r][c]²}, the diagonal of {@code Xᵀ·diag(d)·X}. */
  public void squaredColumnSums(double[] d, double[] out) {
    IntStream.range(0, blocks(columns))
        .parallel()
        .forEach(
            b -> {
              int from = b * BLOCK;
              int to = Math.min(columns, from + BLOCK);
              for (int c = from; c < to; c++) {
                double s = 0;
                for (int k = columnStart[c]; k < columnStart[c + 1]; k++) {
                  double x = columnValue[k];
                  s += d[columnRow[k]] * x * x;
                }
                out[c] = s;
              }
            });
  }

  /** Row {@code r}'s dot product with {@code v}. */
  public double dotRow(int r, double[] v) {
    double s = 0;
    for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
      s += v[rowColumn[k]] * rowValue[k];
    }
    return s;
  }

  /** Row {@code r}'s dot product with {@code v} over the columns below {@code limit} only. */
  public double dotRow(int r, double[] v, int limit) {
    double s = 0;
    for (int k = rowStart[r]; k < rowStart[r + 1] && rowColumn[k] < limit; k++) {
      s += v[rowColumn[k]] * rowValue[k];
    }
    return s;
  }

  private static final int BLOCK = 256;

  private static int blocks(int n) {
    return (n + BLOCK - 1) / BLOCK;
  }
}
