package dev.storybot.search;

/**
 * One content word of a question.
 *
 * @param stem the analysed (stemmed) form, as the TEXT field holds it
 * @param exact the lower-cased surface form, as the TEXT_EXACT field holds it
 * @param position token position in the question (stop words count), for phrases
 * @param capitalised written with a capital inside the question: likely a name, which weighs more
 * @param numeric contains a digit (years, counts), which weighs like a name
 */
public record QueryTerm(String stem, String exact, int position, boolean capitalised, boolean numeric) {

  /** Names and numbers are what a question is most specifically about. */
  public boolean specific() {
    return capitalised || numeric;
  }
}
