package io.cachepair.api.catalog;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No product has the requested id; sent as a 404 problem.
 */
class ProductNotFoundException extends ErrorResponseException {

	ProductNotFoundException(long id) {
		super(HttpStatus.NOT_FOUND, problem(id), null);
	}

	private static ProblemDetail problem(long id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No product has id '" + id + "'.");
		problem.setTitle("Product not found");
		return problem;
	}

}
