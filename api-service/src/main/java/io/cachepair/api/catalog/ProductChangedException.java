package io.cachepair.api.catalog;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A replace or delete lost against another change of the same product: its
 * {@code If-Match} tag is stale (412), or a concurrent update won the race (412 with
 * {@code If-Match}, 409 without).
 */
class ProductChangedException extends ErrorResponseException {

	private ProductChangedException(HttpStatus status, String detail, @Nullable Throwable cause) {
		super(status, problem(status, detail), cause);
	}

	static ProductChangedException staleTag(long id, String ifMatch) {
		return new ProductChangedException(HttpStatus.PRECONDITION_FAILED, "Product '" + id
				+ "' no longer matches If-Match '" + ifMatch + "'. Read it again and resend with its new ETag.", null);
	}

	static ProductChangedException concurrentUpdate(long id, boolean conditional, Throwable cause) {
		HttpStatus status = conditional ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT;
		return new ProductChangedException(status,
				"Product '" + id + "' was changed by another request at the same time. Read it again and retry.",
				cause);
	}

	private static ProblemDetail problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle("Product changed");
		return problem;
	}

}
