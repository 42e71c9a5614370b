package dev.storybot.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.storybot.answer.Texts;
import dev.storybot.search.Scope;
import dev.storybot.search.Shelf;
import dev.storybot.search.StoryPage;
import dev.storybot.search.StorySummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The App Home tab: how to ask, example questions drawn from the newest headlines, and the story shelf. */
final class HomeTab {

  /** Newest stories shown on the shelf. */
  static final int NEWEST = 5;
  /** Example questions offered. */
  static final int EXAMPLES = 3;

  private final Supplier<Shelf> shelf;

  HomeTab(Supplier<Shelf> shelf) {
    this.shelf = shelf;
  }

  /** Publishes the home tab for {@code user}; when too busy, the tab just shows what it showed before. */
  Job publish(String eventId, String user) {
    return Job.of(eventId, "app_home_opened", null, null, user,
        () -> SlackCall.publish(user, view(shelf.get().read(s -> s.newest(Scope.ALL, 0, NEWEST)))), null);
  }

  static View view(StoryPage shelf) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText("Ask our stories"))));
    blocks.add(section(s -> s.text(markdownText(
        "I answer with the passages of our stories that say it, quoted word for word, with who said it and where it"
            + " comes from. Words in [brackets] are mine, standing in for the story's (a name for \"he\"); … marks"
            + " words left out.\n"
            + "• *In a channel:* mention me — `@storybot what did the mayor say about the budget?`\n"
            + "• *In a direct message:* just ask, in the Messages tab.\n"
            + "• *Anywhere:* `" + SlackIds.COMMAND + " your question` — only you see the answer, with *Share in channel*.\n"
            + "• *On a message:* ⋮ → *Find in stories* looks its text up.\n"
            + "• *Narrow it down:* `source:CNN`, `in:\"hostage talks\"`, `after:2023-11-01`, `before:2023-12-01`; "
            + "`" + SlackIds.COMMAND + " list` shows every story."))));
    if (!shelf.stories().isEmpty()) {
      String examples = shelf.stories().stream().limit(EXAMPLES)
          .map(s -> "• `" + SlackIds.COMMAND + " " + SlackText.escape(example(s)) + "`")
          .collect(Collectors.joining("\n"));
      blocks.add(section(s -> s.text(markdownText("*Try:*\n" + examples))));
    }
    blocks.add(divider());
    String count = Texts.count(shelf.total(), "story", "stories");
    blocks.add(section(s -> s.text(markdownText("*The shelf:* " + count + (shelf.stories().isEmpty() ? "" : ". Newest:")))));
    for (StorySummary story : shelf.stories()) {
      blocks.add(context(c -> c.elements(List.of(markdownText(SlackAttribution.ofStory(story.attribution()))))));
    }
    return View.builder().type("home").blocks(blocks).build();
  }

  // A question a story's headline answers: its own words, as someone curious about it would ask.
  static String example(StorySummary s) {
    String title = s.title().strip().replaceAll("[.?!:]+$", "");
    String lower = title.length() > 1 && Character.isUpperCase(title.charAt(0)) && !Character.isUpperCase(title.charAt(1))
        ? title.substring(0, 1).toLowerCase(Locale.ROOT) + title.substring(1) : title;
    return "tell me about " + SlackText.truncate(lower, 120);
  }
}
