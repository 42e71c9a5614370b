/** Prometheus metrics (Micrometer): one holder per running bot, passed into the classes that count. Knows none of ours. */
package dev.storybot.metrics;
