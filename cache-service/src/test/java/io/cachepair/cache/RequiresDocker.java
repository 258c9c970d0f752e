package io.cachepair.cache;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

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
			if (DockerClientFactory.instance().isDockerAvailable()) {
				return ConditionEvaluationResult.enabled("A Docker engine is available");
			}
			if (Boolean.parseBoolean(System.getenv(REQUIRE_VARIABLE))) {
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
