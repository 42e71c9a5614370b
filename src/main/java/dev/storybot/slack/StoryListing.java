package dev.storybot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.storybot.answer.QuestionFilters;
import dev.storybot.search.Scope;
import dev.storybot.search.Shelf;
import dev.storybot.search.StoryPage;
import dev.storybot.search.StorySummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** `/story list [filters]`: the stories' headlines, newest first, a page at a time with Newer/Older buttons. */
final class StoryListing {

  /** Stories per page. */
  static final int PAGE_SIZE = 5;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Which page of which listing a button shows.
   *
   * @param offset stories before the page
   * @param filters the filters typed after `list`, or ""
   */
  record Page(@JsonProperty("o") int offset, @JsonProperty("f") String filters) {
    String toValue() {
      try {
        return JSON.writeValueAsString(this);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    static Optional<Page> fromValue(String value) {
      try {
        Page p = JSON.readValue(value, Page.class);
        return p.offset() < 0 ? Optional.empty() : Optional.of(new Page(p.offset(), p.filters() == null ? "" : p.filters()));
      } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
        return Optional.empty();
      }
    }
  }

  private final Supplier<Shelf> shelf;

  StoryListing(Supplier<Shelf> shelf) {
    this.shelf = shelf;
  }

  /** The filters after `list` when {@code commandText} asks for the listing ("list", "list source:CNN"); else empty. */
  static Optional<String> filtersOf(String commandText) {
    String t = commandText.strip();
    if (t.equalsIgnoreCase("list")) return Optional.of("");
    if (t.length() > 5 && t.substring(0, 5).equalsIgnoreCase("list ")) return Optional.of(t.substring(5).strip());
    return Optional.empty();
  }

  /** Shows {@code page} through {@code responseUrl}: a new private message, or in place of the one clicked. */
  Job show(String kind, String responseUrl, Page page, boolean replace) {
    Destination to = new Destination.Private(responseUrl, null);
    return Job.of(null, kind, null, to, null, () -> {
      Reply reply = reply(page);
      return SlackCall.respond(responseUrl, ActionResponse.builder().responseType("ephemeral").replaceOriginal(replace)
          .text(reply.text()).blocks(reply.blocks()).build());
    }, text -> Questions.notice(to, text));
  }

  Reply reply(Page page) {
    Scope scope;
    try {
      QuestionFilters.Filtered f = QuestionFilters.parse(page.filters());
      if (!f.question().isEmpty()) {
        return text("`" + SlackIds.COMMAND + " list` takes only filters, e.g. `" + SlackIds.COMMAND
            + " list source:CNN after:2023-11-01`; to ask, leave out `list`.");
      }
      scope = f.scope();
    } catch (QuestionFilters.BadFilter e) {
      return text("I couldn't use that filter: " + e.getMessage() + ".");
    }
    Scope listed = scope;
    StoryPage shown = shelf.get().read(s -> s.newest(listed, page.offset(), PAGE_SIZE));
    String which = scope.filters() ? SlackText.escape(scope.describe()) : "stories";
    if (shown.total() == 0) {
      return text(scope.filters() ? "None of our stories match the filters (" + scope.describe() + ")." : "The shelf is empty.");
    }
    if (shown.stories().isEmpty()) return text("No more " + which + ": there are " + shown.total() + ".");
    String head = "*" + capitalised(which) + ", newest first:* " + (page.offset() + 1) + "–"
        + (page.offset() + shown.stories().size()) + " of " + shown.total();
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(head))));
    StringBuilder fallback = new StringBuilder(head);
    for (StorySummary story : shown.stories()) {
      String line = SlackAttribution.ofStory(story.attribution());
      blocks.add(context(c -> c.elements(List.of(markdownText(line)))));
      fallback.append('\n').append(line);
    }
    List<BlockElement> buttons = new ArrayList<>();
    if (page.offset() > 0) {
      String v = new Page(Math.max(0, page.offset() - PAGE_SIZE), page.filters()).toValue();
      buttons.add(button(b -> b.actionId(SlackIds.LIST_PAGE + "_newer").text(plainText("◀ Newer")).value(v)));
    }
    if (shown.hasMore()) {
      String v = new Page(page.offset() + PAGE_SIZE, page.filters()).toValue();
      buttons.add(button(b -> b.actionId(SlackIds.LIST_PAGE + "_older").text(plainText("Older ▶")).value(v)));
    }
    if (!buttons.isEmpty()) blocks.add(actions(a -> a.blockId("list_pages").elements(buttons)));
    return new Reply(fallback.toString(), blocks);
  }

  private static Reply text(String text) {
    return new Reply(text, List.of(section(s -> s.text(markdownText(text)))));
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
