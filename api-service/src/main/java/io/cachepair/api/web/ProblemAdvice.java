package io.cachepair.api.web;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.util.ClassUtils;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns exceptions into RFC 9457 problem details. Invalid input gets a 400 whose
 * {@code detail} and {@code errors} name each bad field or parameter; exceptions that
 * carry their own problem, such as a missing product, keep it. A database that cannot be
 * reached or times out gives a 503.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

	/**
	 * SLF4J logger; the superclass's {@code logger} field is a Commons Logging one.
	 */
	private static final Logger failureLogger = LoggerFactory.getLogger(ProblemAdvice.class);

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidInput> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(InvalidInput.field(error.getField(), message(error)));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> errors.add(InvalidInput.field(error.getObjectName(), message(error))));
		return invalid("Invalid request body", errors, ex, headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidInput> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			String name = requestName(result.getMethodParameter());
			result.getResolvableErrors().forEach((error) -> errors.add(InvalidInput.parameter(name, message(error))));
		});
		return invalid("Invalid request parameters", errors, ex, headers, request);
	}

	/**
	 * Returns the name that the client used for a parameter, such as {@code q} for a
	 * method parameter {@code query} bound with {@code @RequestParam("q")}.
	 */
	private static String requestName(MethodParameter parameter) {
		RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
		if (requestParam != null) {
			return firstNonEmpty(requestParam.name(), requestParam.value(), parameter);
		}
		PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
		if (pathVariable != null) {
			return firstNonEmpty(pathVariable.name(), pathVariable.value(), parameter);
		}
		return String.valueOf(parameter.getParameterName());
	}

	/**
	 * Returns the annotation's {@code name}, or its alias {@code value}, or the Java
	 * parameter name when the annotation sets neither.
	 */
	private static String firstNonEmpty(String name, String value, MethodParameter parameter) {
		if (!name.isEmpty()) {
			return name;
		}
		return value.isEmpty() ? String.valueOf(parameter.getParameterName()) : value;
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = String.valueOf(ex.getPropertyName());
		String expected = (ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName() : "another type";
		InvalidInput error = InvalidInput.parameter(name,
				"must be a valid " + expected.toLowerCase() + ", but was '" + ex.getValue() + "'");
		return invalid("Invalid request parameters", List.of(error), ex, headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
			InvalidInput error = InvalidInput.field(jsonPath(unknown), "is not a known field; known fields are "
					+ unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList());
			return invalid("Invalid request body", List.of(error), ex, headers, request);
		}
		if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			InvalidInput error = InvalidInput.field(jsonPath(mismatch),
					"must be " + describeType(mismatch.getTargetType()));
			return invalid("Invalid request body", List.of(error), ex, headers, request);
		}
		String reason = (ex.getCause() instanceof StreamReadException read) ? ": " + readProblem(read) : "";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is not valid JSON" + reason + ". Send a JSON object.");
		problem.setTitle("Invalid request body");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * Returns the parser's own description of a syntax problem, such as a duplicate field
	 * or a number out of range, cut to a readable length and without the source excerpt.
	 */
	private static String readProblem(StreamReadException ex) {
		String message = String.valueOf(ex.getOriginalMessage()).strip();
		int lineBreak = message.indexOf('\n');
		if (lineBreak >= 0) {
			message = message.substring(0, lineBreak);
		}
		return (message.length() > 200) ? message.substring(0, 200) + "..." : message;
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = (ex.getContentType() == null) ? "Missing Content-Type: send the body as application/json."
				: "Unsupported Content-Type '" + ex.getContentType() + "': send the body as application/json.";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, detail);
		problem.setTitle("Unsupported media type");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.UNSUPPORTED_MEDIA_TYPE, request);
	}

	/**
	 * Sends a 400 problem naming a parameter that is invalid together with another one.
	 */
	@ExceptionHandler
	@Nullable ResponseEntity<Object> handleInvalidParameter(InvalidParameterException ex, WebRequest request) {
		InvalidInput error = InvalidInput.parameter(ex.getParameter(), String.valueOf(ex.getMessage()));
		return invalid("Invalid request parameters", List.of(error), ex, new HttpHeaders(), request);
	}

	/**
	 * Sends a 400 problem naming a request header whose value is malformed.
	 */
	@ExceptionHandler
	@Nullable ResponseEntity<Object> handleInvalidHeader(InvalidHeaderException ex, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				String.valueOf(ex.getMessage()));
		problem.setTitle("Invalid request header");
		problem.setProperty("header", ex.getHeader());
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * Sends a 400 problem when Tomcat cannot decode the query string, such as a parameter
	 * that is not valid percent-encoded UTF-8, or the status that Tomcat chose, such as
	 * 413 for too many parameters. The message, which quotes the value, is not repeated.
	 */
	@ExceptionHandler
	@Nullable ResponseEntity<Object> handleUndecodableParameters(org.apache.tomcat.util.http.InvalidParameterException ex,
			WebRequest request) {
		HttpStatus reported = HttpStatus.resolve(ex.getErrorCode());
		HttpStatus status = (reported != null && reported.is4xxClientError()) ? reported : HttpStatus.BAD_REQUEST;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				"The query string could not be decoded: every parameter name and value must be valid "
						+ "percent-encoded UTF-8, and there must be no more parameters than "
						+ "server.tomcat.max-parameter-count allows.");
		problem.setTitle("Invalid query string");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), status, request);
	}

	/**
	 * Sends a 503 problem when the database cannot be reached or does not respond in
	 * time, so that clients retry instead of treating the request as wrong. A transaction
	 * that cannot start has no connection, such as when every pooled connection broke
	 * while the database was away.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			CannotCreateTransactionException.class })
	@Nullable ResponseEntity<Object> handleDatabaseUnavailable(NestedRuntimeException ex, WebRequest request) {
		failureLogger.warn("Database call failed, sending 503: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The catalog database is unavailable or busy. Retry in a few seconds.");
		problem.setTitle("Database unavailable");
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "2");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
	}

	/**
	 * Sends a 503 problem when a transaction's commit or rollback failed because the
	 * connection to the database broke, or when a rollback failed after the database
	 * became unavailable. Any other transaction failure goes on as the server error it
	 * is. A rollback of a broken connection fails with Hikari's
	 * {@code Connection is closed}, which has no SQL state, so the exception that caused
	 * the rollback decides.
	 */
	@ExceptionHandler
	@Nullable ResponseEntity<Object> handleTransactionFailure(TransactionSystemException ex, WebRequest request) {
		Throwable applicationException = ex.getApplicationException();
		if (!isConnectionFailure(ex) && !(applicationException instanceof DataAccessResourceFailureException)
				&& !(applicationException instanceof TransientDataAccessException)) {
			throw ex;
		}
		return handleDatabaseUnavailable(ex, request);
	}

	/**
	 * Returns whether a cause is an I/O failure or an SQL error of class 08, connection
	 * exception, in the SQL standard's states.
	 */
	private static boolean isConnectionFailure(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof IOException || (cause instanceof SQLException sql && sql.getSQLState() != null
					&& sql.getSQLState().startsWith("08"))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Sends a 400 problem that lists the errors, sorted so that the same request always
	 * gets the same response.
	 */
	private @Nullable ResponseEntity<Object> invalid(String title, List<InvalidInput> unsortedErrors, Exception ex,
			HttpHeaders headers, WebRequest request) {
		List<InvalidInput> errors = unsortedErrors.stream().sorted().toList();
		String detail = errors.stream().map(InvalidInput::describe).collect(Collectors.joining("; ", "", "."));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle(title);
		problem.setProperty("errors", errors.stream().map(InvalidInput::toMap).toList());
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * Returns the JSON path of the value that Jackson rejected, such as {@code tags[2]}
	 * or {@code price}.
	 */
	private static String jsonPath(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	/**
	 * Describes a Java type as a client sees it in JSON or a query string.
	 */
	private static String describeType(@Nullable Class<?> type) {
		if (type == null) {
			return "a valid value";
		}
		Class<?> boxed = ClassUtils.resolvePrimitiveIfNecessary(type);
		if (boxed == Integer.class || boxed == Long.class || boxed == Short.class) {
			return "an integer";
		}
		if (Number.class.isAssignableFrom(boxed)) {
			return "a number";
		}
		if (CharSequence.class.isAssignableFrom(boxed)) {
			return "a string";
		}
		if (Collection.class.isAssignableFrom(boxed) || boxed.isArray()) {
			return "an array";
		}
		return (boxed == Boolean.class) ? "true or false" : "a valid value";
	}

	private static String message(MessageSourceResolvable error) {
		String message = error.getDefaultMessage();
		return (message != null) ? message : "is invalid";
	}

	/**
	 * One invalid field of the body or one invalid request parameter.
	 *
	 * @param kind {@code field} or {@code parameter}
	 * @param name the name of the field or parameter
	 * @param message what is wrong with its value
	 */
	private record InvalidInput(String kind, String name, String message) implements Comparable<InvalidInput> {

		private static final Comparator<InvalidInput> ORDER = Comparator.comparing(InvalidInput::name)
			.thenComparing(InvalidInput::message);

		static InvalidInput field(String name, String message) {
			return new InvalidInput("field", name, message);
		}

		static InvalidInput parameter(String name, String message) {
			return new InvalidInput("parameter", name, message);
		}

		@Override
		public int compareTo(InvalidInput other) {
			return ORDER.compare(this, other);
		}

		String describe() {
			return "Invalid " + this.kind + " '" + this.name + "': " + this.message;
		}

		Map<String, String> toMap() {
			Map<String, String> map = new LinkedHashMap<>();
			map.put(this.kind, this.name);
			map.put("detail", this.message);
			return map;
		}

	}

}
