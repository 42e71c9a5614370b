/** Configuration from environment variables and flags, built once. */
package dev.storybot.config;
