package dev.storybot.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed story, bundled in the jar with a sidecar: attribution, its 25 real paragraphs, its sign-up line dropped. */
class BundledStoryTest {

  private static final String CHROME = "For more CNN news and newsletters create an account at";

  @Test
  void bundledSeedStoryIsAttributedToCnnWithChromeDropped() {
    List<Story> bundled = StoryLoader.bundled();
    assertEquals(1, bundled.size());
    Story s = bundled.get(0);
    assertEquals("blinken-middle-east-trip.txt", s.id());
    assertEquals("Blinken says progress made on Middle East trip despite few tangible results", s.title());
    assertEquals("CNN", s.attribution().source());
    assertSeedParagraphs(s);
  }

  @Test
  void theSeedFileReadFromAFolderGivesTheSameStory(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("blinken-middle-east-trip.txt"), resource("blinken-middle-east-trip.txt"));
    Files.write(dir.resolve("blinken-middle-east-trip.meta.yml"), resource("blinken-middle-east-trip.meta.yml"));

    StoryLoad load = StoryLoader.load(dir);

    assertEquals(List.of(), load.skipped(), "the sidecar is not a story, nor a skipped file");
    assertEquals(StoryLoader.bundled(), load.stories());
  }

  private static void assertSeedParagraphs(Story s) {
    // The file has 27 blocks: the headline, 25 paragraphs of story, and the site's sign-up line.
    assertEquals(25, s.paragraphs().size());
    assertTrue(s.paragraphs().get(0).startsWith("Secretary of State Antony Blinken on Monday asserted"));
    assertEquals("As he departed Ankara for Tokyo on Monday, the top US diplomat stressed that “all of this is a work"
        + " in progress.”", s.paragraphs().get(3));
    assertTrue(s.paragraphs().get(24).startsWith("“What happens next?"), s.paragraphs().get(24));
    assertTrue(s.paragraphs().get(24).endsWith("Jordanian Foreign Minister Ayman Safadi said."));
    assertTrue(s.paragraphs().stream().noneMatch(p -> p.contains("create an account")));
    assertTrue(ChromeFilter.isChrome(CHROME));
  }

  private static byte[] resource(String name) throws Exception {
    try (var in = StoryLoader.class.getResourceAsStream(StoryLoader.BUNDLED + name)) {
      return in.readAllBytes();
    }
  }
}
