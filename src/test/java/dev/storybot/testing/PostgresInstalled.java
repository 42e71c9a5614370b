package dev.storybot.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a test class, with the reason in the report, when no PostgreSQL server is installed; never in CI, where
 * {@link PostgresServer#start} fails instead. Use with {@code @ExtendWith(PostgresInstalled.class)}.
 */
public final class PostgresInstalled implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (PostgresServer.binaries().isPresent() || Prerequisite.inCi()) {
      return ConditionEvaluationResult.enabled("PostgreSQL is installed");
    }
    return ConditionEvaluationResult.disabled(PostgresServer.NOT_INSTALLED + " — " + PostgresServer.HOW_TO_INSTALL);
  }
}
