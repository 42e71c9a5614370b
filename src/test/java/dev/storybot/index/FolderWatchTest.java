package dev.storybot.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder watch: events debounced into one run, and a rescan that catches what the watch service missed. */
class FolderWatchTest {

  @TempDir Path dir;

  @Test
  void theRescanFindsAChangeWhenNoEventArrivesInTime() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    // A debounce of an hour stands for a filesystem that sends no events: only the rescan can notice.
    try (FolderWatch w = FolderWatch.start(dir, ran::countDown, Duration.ofHours(1), Duration.ofMillis(50), null)) {
      Files.writeString(dir.resolve("new.txt"), "Headline\n\nBody.");
      assertTrue(ran.await(10, TimeUnit.SECONDS), "the rescan noticed the new file");
    }
  }

  @Test
  void eventsInANewSubfolderAreWatchedToo() throws Exception {
    CountDownLatch first = new CountDownLatch(1);
    CountDownLatch second = new CountDownLatch(2);
    Runnable onChange = () -> {
      first.countDown();
      second.countDown();
    };
    try (FolderWatch w = FolderWatch.start(dir, onChange, Duration.ofMillis(100), Duration.ofHours(1), null)) {
      Path sub = Files.createDirectories(dir.resolve("world"));
      assertTrue(first.await(10, TimeUnit.SECONDS), "creating a folder is a change");
      Files.writeString(sub.resolve("a.txt"), "Headline\n\nBody.");
      assertTrue(second.await(10, TimeUnit.SECONDS), "a file in the new subfolder is seen");
    }
  }

  @Test
  void theFingerprintChangesWithContentSizeAndIgnoresHiddenFiles() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "one");
    String before = FolderWatch.fingerprint(dir);
    Files.writeString(dir.resolve(".a.txt.swp"), "editor state");
    assertEquals(before, FolderWatch.fingerprint(dir));
    Files.writeString(dir.resolve("a.txt"), "one two");
    assertNotEquals(before, FolderWatch.fingerprint(dir));
  }
}
