/**
 * The Spark batch job: scores whole data sets (JSONL, CSV, Parquet) with a Vera model on a cluster
 * or in {@code local[*]}, appending the verdict columns. Spark lives only in this module.
 */
@NullMarked
package dev.vera.spark;

import org.jspecify.annotations.NullMarked;
