/**
 * Answer-quality evaluation: runs an {@link dev.storybot.answer.Answerer} over a file of questions with gold answers
 * and computes the figures of the shared eval README (quote_hit@k, false_abstain, median quote length, abstentions).
 */
package dev.storybot.eval;
