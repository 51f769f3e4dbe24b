package dev.vera.text;

import java.util.Arrays;

/**
 * Per-thread term counts of one article and feature kind: a small open-addressing table from
 * slot to count. Articles touch a few thousand slots of a table of a million; counting in a
 * table that fits the CPU cache, and reading the large idf and weight tables once per distinct
 * slot rather than once per occurrence, is what makes scoring fast.
 */
final class SlotCounter {
  // Slots are already hashes (TermHash.finish, masked): their low bits are uniform, so a key's
  // low bits pick its place directly, without hashing it again.
  /** Slots present, in first-seen order (the only part callers read, with {@link #counts}). */
  int[] touched = new int[4096];
  int touchedCount;
  private int[] keys = new int[8192];
  private int[] values = new int[8192];
  /** Count per position in {@link #touched}, filled by {@link #finish()}. */
  int[] counts = new int[4096];
  /** Where each touched slot sits in {@link #keys}: finishing and clearing visit only those. */
  private int[] at = new int[4096];

  void add(int slot) {
    int key = slot + 1;
    int mask = keys.length - 1;
    int i = (key & mask);
    while (true) {
      int k = keys[i];
      if (k == key) {
        values[i]++;
        return;
      }
      if (k == 0) {
        keys[i] = key;
        values[i] = 1;
        if (touchedCount == touched.length) {
          touched = Arrays.copyOf(touched, touched.length * 2);
          at = Arrays.copyOf(at, at.length * 2);
        }
        at[touchedCount] = i;
        touched[touchedCount++] = slot;
        if (touchedCount * 2 > keys.length) {
          grow();
        }
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** Fills {@link #counts} in the order of {@link #touched}. */
  void finish() {
    if (counts.length < touchedCount) {
      counts = new int[touched.length];
    }
    for (int t = 0; t < touchedCount; t++) {
      counts[t] = values[at[t]];
    }
  }

  /** The count of a slot (after {@link #finish()} or not), 0 when absent. */
  int count(int slot) {
    int key = slot + 1;
    int mask = keys.length - 1;
    int i = (key & mask);
    while (keys[i] != 0) {
      if (keys[i] == key) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    return 0;
  }

  private void grow() {
    int[] oldValues = values;
    keys = new int[keys.length * 2];
    values = new int[keys.length];
    int mask = keys.length - 1;
    for (int t = 0; t < touchedCount; t++) {
      int key = touched[t] + 1;
      int i = (key & mask);
      while (keys[i] != 0) {
        i = (i + 1) & mask;
      }
      keys[i] = key;
      values[i] = oldValues[at[t]];
      at[t] = i;
    }
  }

  /** Empties the table, visiting only the places in use (it may have grown large). */
  void clear() {
    for (int t = 0; t < touchedCount; t++) {
      keys[at[t]] = 0;
    }
    touchedCount = 0;
  }
}
