/** The storybot command line (picocli): one small class per subcommand. */
package dev.storybot.cli;
