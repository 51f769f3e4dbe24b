package dev.vera.text;

import java.util.Arrays;

/**
 * Per-thread term counts of one article and feature kind: a small open-addressing table from slot
 * to count. Articles touch a few thousand slots of a table of a million; counting in a table that
 * fits the CPU cache, and reading the large idf and weight tables once per distinct slot rather
 * than once per occurrence, is what makes scoring fast.
 */
final class SlotCounter {
  // Slots are already hashes (TermHash.finish, masked): their low bits are uniform, so a key's
  // low bits pick its place directly, without hashing it again.
  /** Slots present, in first-seen order (the only part callers read, with {@link #counts}). */
  static final int INITIAL_TOUCHED = 4096;

  /** The largest table kept between articles; larger ones are dropped when cleared. */
  static final int RETAINED_KEYS = 1 << 16;

  int[] touched = new int[INITIAL_TOUCHED];
  int touchedCount;
  private int[] keys = new int[2 * INITIAL_TOUCHED];
  private int[] values = new int[2 * INITIAL_TOUCHED];

  /** Count per position in {@link #touched}, filled by {@link #finish()}. */
  int[] counts = new int[INITIAL_TOUCHED];

  /** Where each touched slot sits in {@link #keys}: finishing and clearing visit only those. */
  private int[] at = new int[INITIAL_TOUCHED];

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

  /**
   * Empties the table, visiting only the places in use. A table that grew past {@link
   * #RETAINED_KEYS} for an outlier (a 1 MB article touches hundreds of thousands of slots) goes
   * back to its first size: one is kept per scoring thread, for the life of the thread.
   */
  void clear() {
    if (keys.length > RETAINED_KEYS) {
      touched = new int[INITIAL_TOUCHED];
      at = new int[INITIAL_TOUCHED];
      counts = new int[INITIAL_TOUCHED];
      keys = new int[2 * INITIAL_TOUCHED];
      values = new int[2 * INITIAL_TOUCHED];
    } else {
      for (int t = 0; t < touchedCount; t++) {
        keys[at[t]] = 0;
      }
    }
    touchedCount = 0;
  }

  /** How many places the table has now (what it holds on to between articles). */
  int capacity() {
    return keys.length;
  }
}
