/** The paragraph index: schema, atomic (re)builds and the searcher holder. */
package dev.storybot.index;
