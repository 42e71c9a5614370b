package dev.storybot.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.story.Story;
import dev.storybot.story.StoryLoad;
import dev.storybot.story.StoryLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {

  @TempDir Path temp;

  @Test
  void theStoryLoaderReadsExactlyTheParagraphsAskedFor() throws IOException {
    CorpusManifest m = new CorpusGenerator(7).generate(temp.resolve("c"), 12_345);
    StoryLoad load = StoryLoader.load(temp.resolve("c"));
    assertEquals(List.of(), load.skipped(), "every generated file is readable");
    assertEquals(12_345, load.paragraphCount());
    assertEquals(m.stories(), load.stories().size());
    assertEquals(3, m.shards(), "5,000 paragraphs a shard");
    Set<String> ids = new HashSet<>();
    for (Story s : load.stories()) {
      assertTrue(ids.add(s.id()));
      assertTrue(s.paragraphs().size() <= StoryComposer.MAX_PARAGRAPHS, s.id());
    }
    long texts = load.stories().stream().filter(s -> s.id().endsWith(".txt")).count();
    assertTrue(texts > 0 && texts < load.stories().size() / 4, "about one story in ten is .txt: " + texts);
    long attributed = load.stories().stream().filter(s -> s.attribution().source() != null && s.attribution().byline() != null).count();
    assertTrue(attributed > load.stories().size() / 2, "the .jsonl stories carry attribution");
    assertEquals(m.textBytes(), load.stories().stream().flatMap(s -> s.paragraphs().stream())
        .mapToLong(CorpusGenerator::utf8Length).sum(), "the manifest counts the paragraph text the loader reads");
  }

  @Test
  void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws IOException {
    Map<String, byte[]> a = files(generate(1, "a"));
    Map<String, byte[]> b = files(generate(1, "b"));
    Map<String, byte[]> c = files(generate(2, "c"));
    assertEquals(a.keySet(), b.keySet());
    for (String name : a.keySet()) assertArrayEquals(a.get(name), b.get(name), name);
    assertFalse(a.keySet().equals(c.keySet()) && a.keySet().stream().allMatch(n -> Arrays.equals(a.get(n), c.get(n))),
        "another seed writes other stories");
  }

  @Test
  void paragraphsAreVariedEnglishWithTheirOwnNamesAndNumbers() throws IOException {
    generate(3, "v");
    List<Story> stories = StoryLoader.load(temp.resolve("v")).stories();
    Set<String> distinct = new HashSet<>();
    int all = 0;
    for (Story s : stories) {
      for (String p : s.paragraphs()) {
        all++;
        distinct.add(p);
        assertFalse(p.contains("{"), "every slot is filled: " + p);
        assertTrue(p.split(" ").length >= 26, "long enough never to look like site chrome: " + p);
      }
    }
    assertEquals(all, distinct.size(), "no paragraph repeats");
    assertTrue(stories.stream().anyMatch(s -> s.paragraphs().stream().anyMatch(p -> p.matches(".*\\d.*"))));
  }

  @Test
  void refusesANonEmptyFolderAndABadSize() throws IOException {
    Files.writeString(Files.createDirectories(temp.resolve("full")).resolve("x.txt"), "x");
    assertThrows(IllegalArgumentException.class, () -> new CorpusGenerator(1).generate(temp.resolve("full"), 10));
    assertThrows(IllegalArgumentException.class, () -> new CorpusGenerator(1).generate(temp.resolve("e"), 0));
  }

  private Path generate(long seed, String name) throws IOException {
    new CorpusGenerator(seed).generate(temp.resolve(name), 600);
    return temp.resolve(name);
  }

  private static Map<String, byte[]> files(Path dir) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(f).toString(), Files.readAllBytes(f));
      }
    }
    return out;
  }
}
