package io.cachepair.cache;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Marks a test class that needs a Docker engine. Without one the class is skipped, unless
 * the environment variable {@code CACHEPAIR_REQUIRE_DOCKER} is {@code true}, as in CI,
 * where the class fails instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(RequiresDocker.DockerCondition.class)
public @interface RequiresDocker {

	/** The environment variable that turns a missing Docker engine into a failure. */
	String REQUIRE_VARIABLE = "CACHEPAIR_REQUIRE_DOCKER";

	/**
	 * Enables the class when Docker responds, and otherwise skips or fails it.
	 */
	class DockerCondition implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			return evaluate(isDockerAvailable(), System.getenv(REQUIRE_VARIABLE));
		}

		private static boolean isDockerAvailable() {
			try {
				return DockerClientFactory.instance().isDockerAvailable();
			}
			catch (RuntimeException ex) {
				// Testcontainers can fail instead of returning false on a broken setup;
				// either way no container can start.
				return false;
			}
		}

		/**
		 * Decides whether a class runs, is skipped or fails.
		 * @param dockerAvailable whether a Docker engine responds
		 * @param requireValue the value of {@code CACHEPAIR_REQUIRE_DOCKER}, or
		 * {@code null}
		 * @return the result when the class may run or be skipped
		 * @throws IllegalStateException if Docker is missing but required
		 */
		static ConditionEvaluationResult evaluate(boolean dockerAvailable, @Nullable String requireValue) {
			if (dockerAvailable) {
				return ConditionEvaluationResult.enabled("A Docker engine is available");
			}
			if (Boolean.parseBoolean(requireValue)) {
				throw new IllegalStateException(("No Docker engine is available, and %s=true requires the "
						+ "container-backed tests to run; start Docker (for example with ../shared/ci/containers.sh "
						+ "start) or unset %s to skip them.")
					.formatted(REQUIRE_VARIABLE, REQUIRE_VARIABLE));
			}
			return ConditionEvaluationResult
				.disabled("No Docker engine is available; set %s=true to fail instead".formatted(REQUIRE_VARIABLE));
		}

	}

}
