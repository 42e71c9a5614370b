/** Answers: excerpts with attribution, or not-found with the nearest headlines. */
package dev.storybot.answer;
