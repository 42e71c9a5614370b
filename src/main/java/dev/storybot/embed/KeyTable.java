package dev.storybot.embed;

import java.util.Arrays;

/**
 * Content key → record number, in three flat arrays (open addressing, linear probing, at most 3/4 full): 20 bytes a
 * slot, 27–53 bytes a key, a fraction of what a {@code HashMap} of boxed keys costs, which matters at half a million
 * sentences.
 * Keys are the first 128 bits of a SHA-256, compared in full when the record is read. Not thread-safe.
 */
final class KeyTable {

  private static final int EMPTY = -1;

  private long[] highs;
  private long[] lows;
  private int[] records;
  private int size;

  KeyTable(int expected) {
    int capacity = 16;
    while (capacity * 3L / 4 < expected) capacity <<= 1;
    allocate(capacity);
  }

  private void allocate(int capacity) {
    highs = new long[capacity];
    lows = new long[capacity];
    records = new int[capacity];
    Arrays.fill(records, EMPTY);
  }

  int size() {
    return size;
  }

  /** The record number of {@code key}, or -1. */
  int get(ContentKey key) {
    return get(key.high(), key.low());
  }

  private int get(long high, long low) {
    int mask = records.length - 1;
    for (int slot = (int) high & mask; records[slot] != EMPTY; slot = (slot + 1) & mask) {
      if (highs[slot] == high && lows[slot] == low) return records[slot];
    }
    return EMPTY;
  }

  /** Maps {@code key} to {@code record} unless it is already mapped; true when it was added. */
  boolean putIfAbsent(ContentKey key, int record) {
    if (record < 0) throw new IllegalArgumentException("record numbers start at 0: " + record);
    if ((size + 1) * 4L > records.length * 3L) grow();
    return insert(key.high(), key.low(), record);
  }

  private boolean insert(long high, long low, int record) {
    int mask = records.length - 1;
    int slot = (int) high & mask;
    for (; records[slot] != EMPTY; slot = (slot + 1) & mask) {
      if (highs[slot] == high && lows[slot] == low) return false;
    }
    highs[slot] = high;
    lows[slot] = low;
    records[slot] = record;
    size++;
    return true;
  }

  private void grow() {
    long[] oldHighs = highs;
    long[] oldLows = lows;
    int[] oldRecords = records;
    allocate(records.length * 2);
    size = 0;
    for (int i = 0; i < oldRecords.length; i++) {
      if (oldRecords[i] != EMPTY) insert(oldHighs[i], oldLows[i], oldRecords[i]);
    }
  }
}
