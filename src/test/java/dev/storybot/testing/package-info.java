/**
 * What slack, server and cli tests share: the fixture stories, the whole bot as a JUnit 5 extension
 * ({@link dev.storybot.testing.SlackBot}), Slack's side (signed requests, payload templates, the Web API stub) and
 * Slack's Socket Mode server, and readers of what comes back (Block Kit, Prometheus scrapes, logs).
 */
package dev.storybot.testing;
