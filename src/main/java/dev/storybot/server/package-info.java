/** Embedded Jetty 12: /slack/events, /healthz, /metrics. */
package dev.storybot.server;
