/** 👍/👎 feedback on answers: the JSON-lines log, its summary, and eval questions drawn from it. */
package dev.storybot.feedback;
