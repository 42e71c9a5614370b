/** From a question to ranked passages: question analysis, Lucene queries, sentence picking, emphasis. */
package dev.storybot.search;
