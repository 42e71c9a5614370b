package dev.storybot.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeyTableTest {

  @Test
  void findsEveryKeyItWasGivenThroughGrowthAndNoOther() {
    KeyTable table = new KeyTable(0);
    int n = 50_000;
    for (int i = 0; i < n; i++) assertTrue(table.putIfAbsent(ContentKey.of("m", "text " + i), i));
    assertEquals(n, table.size());
    for (int i = 0; i < n; i++) assertEquals(i, table.get(ContentKey.of("m", "text " + i)));
    assertEquals(-1, table.get(ContentKey.of("m", "text " + n)));
    assertEquals(-1, table.get(ContentKey.of("other model", "text 0")), "the model is part of the key");
    assertFalse(table.putIfAbsent(ContentKey.of("m", "text 7"), 99), "the first record stays");
    assertEquals(7, table.get(ContentKey.of("m", "text 7")));
  }
}
