package io.cachepair.cache.web;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every rejected request into an {@code application/problem+json} response with a
 * title and a detail that tells the client what to change.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemAdvice.class);

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleProblem(ProblemException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.detail());
		problem.setTitle(ex.title());
		return problemResponse(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleUnexpected(RuntimeException ex) {
		logger.error("Request failed unexpectedly", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The cache-service failed to handle the request; the error is in its log.");
		problem.setTitle("Internal error");
		return problemResponse(problem);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getMostSpecificCause();
		String detail = (cause instanceof JacksonException jackson) ? JsonProblems.invalidBody(jackson).detail()
				: "Invalid request body: it is missing or is not valid JSON.";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid request");
		return createResponseEntity(problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		MediaType sent = ex.getContentType();
		String detail = (sent == null) ? "Missing Content-Type: send the body as application/json."
				: "Unsupported Content-Type '%s': send the body as application/json."
					.formatted(ProblemException.abbreviate(sent.toString()));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, detail);
		problem.setTitle("Unsupported media type");
		return createResponseEntity(problem, headers, HttpStatus.UNSUPPORTED_MEDIA_TYPE, request);
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		HttpHeaders problemHeaders = new HttpHeaders(headers);
		problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return new ResponseEntity<>(body, problemHeaders, statusCode);
	}

	private static ResponseEntity<ProblemDetail> problemResponse(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
