package dev.storybot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SentencePickerTest {

  private final QuestionAnalyzer analyzer = new QuestionAnalyzer();
  private final SentencePicker picker = new SentencePicker();

  // Weights as the index would give them: every question stem 1.0, except those given.
  private static PassageHits weights(AnalyzedQuestion q, Map<String, Double> special) {
    Map<String, Double> w = new HashMap<>();
    for (String stem : q.stems()) w.put(stem, special.getOrDefault(stem, 1.0));
    return new PassageHits(List.of(), w);
  }

  private String quote(String paragraph, String question, Map<String, Double> special) {
    AnalyzedQuestion q = analyzer.analyze(question);
    return picker.pick(paragraph, q, weights(q, special)).quote().of(paragraph);
  }

  @Test
  void picksTheSentenceCoveringTheRarestWords() {
    String p = "The council met on Tuesday. The bridge will cost 48 million dollars. The council voted on Tuesday.";
    String bridge = "The bridge will cost 48 million dollars.";
    // The short sentence after it comes along (see below); what matters is which sentence leads.
    assertTrue(quote(p, "How much will the bridge cost?", Map.of()).startsWith(bridge));
    // "tuesday" common, "bridge" rare: the bridge sentence still wins on weight.
    assertTrue(quote(p, "What did the bridge cost on Tuesday?", Map.of("bridg", 5.0, "tuesdai", 0.5))
        .startsWith(bridge));
  }

  @Test
  void theNextSentenceComesAlongOnlyWhileTheQuoteStaysShort() {
    String shortNext = "The council chose a new engineer. Her name is Aiko Brandt.";
    assertEquals(shortNext, quote(shortNext, "Whom did the council choose as engineer?", Map.of()));

    String longNext = "The council chose a new engineer. She has built "
        + "bridges and tunnels, ".repeat(SentencePicker.QUOTE_BUDGET / 20) + "and more.";
    assertEquals("The council chose a new engineer.",
        quote(longNext, "Whom did the council choose as engineer?", Map.of()));
  }

  @Test
  void theExpectedKindOfAnswerBreaksTies() {
    String p = "The vote was a turning point for everyone. Mayor Lucia Fernandes called the vote a turning point.";
    assertEquals("Mayor Lucia Fernandes called the vote a turning point.",
        quote(p, "Who said the vote was a turning point?", Map.of()));
    String dates = "The library will reopen after repairs. The library will reopen on 14 March.";
    assertEquals("The library will reopen on 14 March.", quote(dates, "When will the library reopen?", Map.of()));
  }

  @Test
  void coverageCountsTheAnsweringSentenceNotTheOneAddedForContext() {
    String p = "The ferry to Rhoan leaves twice a day. Tickets cost nine euros at the harbour office.";
    AnalyzedQuestion q = analyzer.analyze("How often does the ferry to Rhoan leave the harbour?");
    SentencePicker.Pick pick = picker.pick(p, q, weights(q, Map.of()));
    assertEquals(p, pick.quote().of(p), "the short next sentence is quoted");
    // often, ferry, rhoan, leave, harbour: the answering sentence holds ferry, rhoan and leave.
    assertEquals(3.0 / 5.0, pick.coverage(), 1e-9);
  }

  @Test
  void aSentenceLeaningOnThePreviousOneIsQuotedWithIt() {
    String p = "Storms hit the coast. Mayor Lucia Fernandes called the vote a turning point. "
        + "She said the bridge would connect the north to the station.";
    assertEquals("Mayor Lucia Fernandes called the vote a turning point. "
        + "She said the bridge would connect the north to the station.",
        quote(p, "What would the bridge connect?", Map.of()));
  }

  @Test
  void aSentenceOpeningWithAConnectiveTakesInTheOneBeforeByStandAlonesRule() {
    String p = "Storms hit the coast. The council chose a new engineer. But the bridge vote was delayed until spring.";
    AnalyzedQuestion q = analyzer.analyze("Until when was the bridge vote delayed?");
    SentencePicker.Pick pick = picker.pick(p, q, weights(q, Map.of()));
    TextRange answering = QuoteStories.find(p, "But the bridge vote was delayed until spring.");
    assertEquals(StandAlone.leadIn(p, Sentences.split(p), answering, SentencePicker.MAX_QUOTE_CHARS), pick.quote());
    assertEquals("The council chose a new engineer. But the bridge vote was delayed until spring.", pick.quote().of(p));
  }

  @Test
  void aLongSentenceIsCutToAtMost400CharactersAroundTheMatches() {
    String filler = "and then there was a great deal of discussion about many other unrelated matters ";
    String p = "It began " + filler.repeat(6) + "until the harbor bridge was approved " + filler.repeat(4) + "in the end.";
    AnalyzedQuestion q = analyzer.analyze("When was the harbor bridge approved?");
    SentencePicker.Pick pick = picker.pick(p, q, weights(q, Map.of()));
    String quote = pick.quote().of(p);
    assertTrue(quote.length() <= SentencePicker.MAX_QUOTE_CHARS, quote.length() + " chars");
    assertTrue(quote.contains("harbor bridge was approved"), quote);
    assertTrue(p.contains(quote));
    assertEquals(1.0, pick.coverage(), 1e-9);
  }

  @Test
  void emphasisMarksTheQuestionsWordsInTheQuoteByAnalysedForm() {
    String p = "Firefighters contained the blaze. Investigators believe a faulty dehumidifier started the fire.";
    AnalyzedQuestion q = analyzer.analyze("What started the fires?");
    SentencePicker.Pick pick = picker.pick(p, q, weights(q, Map.of()));
    List<String> marked = pick.emphasis().stream().map(r -> r.of(p)).toList();
    assertEquals(List.of("started", "fire"), marked);
  }

  @Test
  void coverageIsTheShareOfQuestionWeightInTheQuote() {
    String p = "The library will stay closed for two weeks.";
    AnalyzedQuestion q = analyzer.analyze("How long will the library stay closed after the flood?");
    SentencePicker.Pick pick = picker.pick(p, q, weights(q, Map.of("flood", 3.0)));
    // long, library, stay, closed, after (1 each) and flood (3): library, stay and closed cover 3 of 8.
    assertEquals(3.0 / 8.0, pick.coverage(), 1e-9);
  }
}
