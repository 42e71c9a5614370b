package dev.storybot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerTypeTest {

  private final QuestionAnalyzer analyzer = new QuestionAnalyzer();

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Who designed the bridge?                   | NAME
      To whom did he write?                      | NAME
      Where did Blinken go after Ankara?         | PLACE
      Which countries did the trip cover?        | PLACE
      When did the fire start?                   | DATE
      In what year was the Duchy founded?        | DATE
      How many volumes were affected?            | NUMBER
      How much will the bridge cost?             | NUMBER
      How did the fire start?                    | ANY
      What did Biden and Netanyahu discuss?      | ANY
      Bridge cost?                               | ANY
      """)
  void theQuestionWordSaysWhatKindOfAnswerIsExpected(String question, AnswerType expected) {
    assertEquals(expected, AnswerType.of(question));
  }

  @Test
  void aNameAnswersOnlyWhenTheQuestionDoesNotAlreadyHoldIt() {
    AnalyzedQuestion q = analyzer.analyze("Who called the vote a turning point for Millbrook?");
    assertTrue(AnswerType.NAME.offeredBy("Mayor Lucia Fernandes called the vote a turning point.", q));
    assertFalse(AnswerType.NAME.offeredBy("Millbrook called the vote a turning point.", q));
    assertFalse(AnswerType.NAME.offeredBy("The vote was called a turning point for Millbrook.", q));
  }

  @Test
  void datesAndNumbersAreRecognised() {
    AnalyzedQuestion q = analyzer.analyze("When did it open?");
    assertTrue(AnswerType.DATE.offeredBy("It opened in 1998.", q));
    assertTrue(AnswerType.DATE.offeredBy("It opened on Sunday.", q));
    assertFalse(AnswerType.DATE.offeredBy("It opened with a party.", q));
    assertTrue(AnswerType.NUMBER.offeredBy("About 300 volumes were affected.", q));
    assertTrue(AnswerType.NUMBER.offeredBy("It will take about three years.", q));
    assertFalse(AnswerType.ANY.offeredBy("It opened in 1998.", q));
  }
}
