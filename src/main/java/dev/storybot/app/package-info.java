/**
 * The composition root: {@link dev.storybot.app.Storybot} builds the whole bot from the configuration (shelf,
 * answerer, Slack app, HTTP server, live reload, metrics) behind one readiness gate, and closes it in reverse order.
 */
package dev.storybot.app;
