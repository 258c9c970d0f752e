package io.cachepair.api.catalog;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Another product already has the SKU of a create or replace request; sent as a 409
 * problem.
 */
class DuplicateSkuException extends ErrorResponseException {

	DuplicateSkuException(String sku, @Nullable Throwable cause) {
		super(HttpStatus.CONFLICT, problem(sku), cause);
	}

	private static ProblemDetail problem(String sku) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"Another product already has SKU '" + sku + "'. Choose a different SKU.");
		problem.setTitle("Duplicate SKU");
		problem.setProperty("field", "sku");
		return problem;
	}

}
