package dev.storybot.story;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells site chrome (sign-up prompts, "Read more", share links, ad labels, copyright lines) from story paragraphs.
 *
 * <p>Chrome is short and speaks to the reader about the site rather than telling the story. The rule, in order:
 * a paragraph with no letters or digits is chrome (separators); a long one (over {@value #MAX_WORDS} words) is
 * story; a short stand-alone label ("Advertisement", "Related: …", "© 2023 …") is chrome; a short paragraph
 * with quotation marks is story (quotes are what we serve). Otherwise a short paragraph that is not a finished
 * sentence is chrome when it holds a call to action (subscribe, sign up, newsletter, create an account, read more,
 * click here, follow us …) or opens with an imperative about the site ("Watch the video", "Join the
 * conversation"); a finished one only when it is a very short imperative to the reader ("Sign up for our
 * newsletter."). Imperatives alone are not enough: "Follow the money, investigators said." is story.
 */
final class ChromeFilter {

  static final int MAX_WORDS = 25;
  private static final int MAX_WORDS_FINISHED = 12;

  private static final Pattern LABEL = Pattern.compile(
      "(?:advertisement|ad|sponsored(?: content)?|story continues below(?: advertisement)?|skip advertisement"
          + "|(?:share|tweet|email|print|save|comment)(?: this(?: article| story| page)?)?"
          + "|(?:related|read more|read next|more|see also|watch|listen|video|photos?|gallery|recommended|trending)"
          + "(?: (?:stories|articles|coverage|content))?\\s*[:|›»>].*"
          + "|©.*|\\(c\\) \\d{4}.*|copyright (?:©|\\(c\\)|\\d{4}).*|.*all rights reserved\\W*)");

  /** Calls to action that may stand anywhere in the paragraph. */
  private static final Pattern CALL_TO_ACTION = Pattern.compile(
      "\\b(?:subscribe|sign up|sign-up|signup|sign in|log in|newsletters?|create an? (?:free )?account"
          + "|register (?:now|for free|here)|read more|read the full|click here|tap here|follow us|like us on"
          + "|share (?:this|on|via)|download (?:our|the) app|get the app|listen to (?:the|our) podcast"
          + "|terms of (?:use|service)|privacy policy|cookie (?:policy|settings|preferences))\\b");

  /** Imperatives that open chrome ("Share", "Follow …", "For more …"). */
  private static final Pattern OPENER = Pattern.compile(
      "(?:share|follow|subscribe|join|download|watch|listen|click|tap|read|see|get|sign|log|for more|more from)\\b");

  /** Speaks to the reader about the site, not about the story. */
  private static final Pattern SITE_WORDS = Pattern.compile(
      "\\b(?:our|us|here|now|free|today|newsletters?|account|app|podcast|inbox|updates|email|alerts"
          + "|video|photos|gallery|live|coverage|conversation|comments|full story|latest)\\b");

  private static final Pattern QUOTES = Pattern.compile("[\"“”„«»]");
  private static final Pattern FINISHED = Pattern.compile("[.!?…][\"'”’)\\]]*\\z");

  private ChromeFilter() {}

  /** Words in a folded paragraph, counted only up to just past {@link #MAX_WORDS}: long paragraphs are story. */
  private static int words(String paragraph) {
    int words = 1;
    for (int i = paragraph.indexOf(' '); i >= 0 && words <= MAX_WORDS; i = paragraph.indexOf(' ', i + 1)) words++;
    return words;
  }

  /** True when {@code paragraph} (whitespace already folded) is site chrome rather than part of the story. */
  static boolean isChrome(String paragraph) {
    if (paragraph.codePoints().noneMatch(Character::isLetterOrDigit)) return true;
    int words = words(paragraph);
    if (words > MAX_WORDS) return false;
    String lower = paragraph.toLowerCase(Locale.ROOT);
    if (LABEL.matcher(lower).matches()) return true;
    if (QUOTES.matcher(paragraph).find()) return false;
    boolean callToAction = CALL_TO_ACTION.matcher(lower).find();
    boolean opener = OPENER.matcher(lower).lookingAt();
    boolean aboutSite = SITE_WORDS.matcher(lower).find();
    if (!FINISHED.matcher(paragraph).find()) return callToAction || opener && aboutSite;
    return words <= MAX_WORDS_FINISHED && opener && (callToAction || aboutSite);
  }
}
