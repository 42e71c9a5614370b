package dev.storybot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storybot.search.Quotations.Quotation;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuotationsTest {

  private static List<String> insides(String text) {
    return Quotations.of(text).stream().map(q -> q.inside(text.length()).of(text)).toList();
  }

  @Test
  void curlyMarksPairAndApostrophesAreNotMarks() {
    String t = "“We’ve made progress,” Blinken said of Hamas’ demands and the US’ role.";
    assertEquals(List.of("We’ve made progress,"), insides(t));
  }

  @Test
  void singleQuotesNestInsideDoubleOnes() {
    String t = "“People told me, ‘Just build the thing,’ and we did,” she said.";
    List<Quotation> qs = Quotations.of(t);
    assertEquals(2, qs.size());
    assertEquals(0, qs.get(0).depth());
    assertEquals(1, qs.get(1).depth());
    assertEquals("Just build the thing,", qs.get(1).inside(t.length()).of(t));
    assertEquals(1, Quotations.outer(t).size());
  }

  @Test
  void straightMarksPairByPosition() {
    String t = "\"When I asked him, he said 'we will see,' and that was all,\" Haddad said. \"It's done.\"";
    assertEquals(List.of("When I asked him, he said 'we will see,' and that was all,", "we will see,", "It's done."),
        insides(t));
  }

  @Test
  void aQuotationOpenAtTheEndRunsOnAndOneClosedAtTheStartBeganBefore() {
    String opens = "“We are farmers,” she said. “Every farmer knows.";
    Quotation last = Quotations.of(opens).get(1);
    assertEquals(-1, last.close());
    assertEquals("Every farmer knows.", last.inside(opens.length()).of(opens));
    String closes = "and we will go on,” she said.";
    Quotation first = Quotations.of(closes).get(0);
    assertEquals(-1, first.open());
    assertEquals("and we will go on,", first.inside(closes.length()).of(closes));
  }

  @Test
  void elisionsAndPossessivesAreNoQuotations() {
    assertEquals(List.of(), insides("The ‘90s were the Joneses’ best years, rock ’n’ roll and all."));
    assertEquals(List.of(), insides("It's the council's plan, not the residents'."));
  }

  @Test
  void balanceAddsTheMissingPartnerOfEachCutMark() {
    String t = "“People told me, ‘Just build the thing,’ and we did,” she said.";
    assertEquals(new Quotations.Balance("", "’”"), Quotations.balance(t, new TextRange(0, t.indexOf("the thing"))));
    assertEquals(new Quotations.Balance("“‘", ""), Quotations.balance(t, new TextRange(t.indexOf("build"), t.length())));
    assertTrue(Quotations.balance(t, new TextRange(0, t.length())).balanced());
    assertTrue(Quotations.balance(t, new TextRange(t.indexOf("and"), t.indexOf("did") + 3)).balanced(),
        "a cut wholly inside a quotation has no mark to pair");
  }
}
