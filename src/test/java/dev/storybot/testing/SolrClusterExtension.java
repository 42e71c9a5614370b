package dev.storybot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link SolrCluster} of two nodes, started once for the whole test run (about 5–15 s) and stopped at
 * its end, whichever test classes ask for it. Use with {@code @ExtendWith(SolrClusterExtension.class)} and a
 * {@code SolrCluster} parameter; each test class makes its own collections.
 */
public final class SolrClusterExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

  /** Nodes in the shared cluster: enough for a collection of 1 shard × 2 replicas and for failover. */
  public static final int NODES = 2;

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SolrCluster.class);

  /** Skips the whole class, with the reason in the test report, when solr-dev is not built (never in CI). */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String missing = SolrCluster.missing(projectDir());
    if (missing == null || Prerequisite.inCi()) return ConditionEvaluationResult.enabled("solr-dev is built");
    return ConditionEvaluationResult.disabled(missing + " — " + SolrCluster.HOW_TO_BUILD);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    cluster(context);  // start it (or skip the class) before any test instance is made
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SolrCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return cluster(context);
  }

  private static SolrCluster cluster(ExtensionContext context) {
    // The root store outlives every test class and closes what it holds (AutoCloseable) when the run ends.
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(SolrCluster.class, key -> {
      try {
        return SolrCluster.start(projectDir(), NODES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting solr-dev", e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, SolrCluster.class);
  }

  /** The project folder: Maven's basedir when run by Maven, else the working directory. */
  static Path projectDir() {
    return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  }
}
