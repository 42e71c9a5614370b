/** The Slack app: Bolt listeners, reply rendering, de-duplication. Knows no Lucene. */
package dev.storybot.slack;
