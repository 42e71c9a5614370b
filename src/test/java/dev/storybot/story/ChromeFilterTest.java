package dev.storybot.story;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Site chrome as news sites write it is dropped; short real paragraphs, quotes above all, are kept. */
class ChromeFilterTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "For more CNN news and newsletters create an account at",
      "Sign up for our daily newsletter",
      "Sign up for our newsletter.",
      "Subscribe now to get unlimited access",
      "Read more",
      "Read more: How the ceasefire talks collapsed",
      "Related: Blinken lands in Tokyo",
      "RELATED COVERAGE | Israel-Hamas war",
      "Share this article",
      "Share",
      "Follow us on X and Instagram",
      "Click here to listen to the podcast",
      "Advertisement",
      "Story continues below advertisement",
      "© 2023 Cable News Network. All rights reserved.",
      "Copyright 2024 The Associated Press. All rights reserved.",
      "***",
      "Download our app for breaking news alerts",
      "Create a free account to keep reading",
      "Watch the video",
      "Join the conversation",
      "See all photos",
      "Cookie settings",
      "Log in to comment",
  })
  void dropsChrome(String paragraph) {
    assertTrue(ChromeFilter.isChrome(paragraph), paragraph);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "“It is,” he added.",
      "“Subscribe to peace, not war,” the protesters chanted.",
      "Those disagreements were on public display at many of the stops of the trip.",
      "There have been no further releases of any hostages held by Hamas since Israel escalated its offensive in Gaza.",
      "He declined to share details.",
      "Read my lips.",
      "Voters will sign up for the draft lottery next week.",
      "Subscription numbers fell by 4% in the quarter, the company said.",
      "Market share slipped to 12%.",
      "Follow the money, investigators said.",
      "Download speeds of up to 1 Gbit/s",
      "Subscription prices rise",
      "Watch list grows",
      "Cookies and cakes were served",
      "The newspaper, which has 2 million subscribers, said it would close its print edition next year and move to a"
          + " digital-only subscription model in which readers create an account and sign up for newsletters to read"
          + " more of its coverage",
  })
  void keepsRealParagraphs(String paragraph) {
    assertFalse(ChromeFilter.isChrome(paragraph), paragraph);
  }
}
