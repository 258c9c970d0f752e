package io.cachepair.api.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes problem+json responses from servlet filters, which run before Spring MVC and its
 * {@link ProblemAdvice}, in the same shape as the advice's problems.
 */
final class FilterProblems {

	private final JsonMapper jsonMapper;

	FilterProblems(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Writes a problem as the whole response.
	 * @param request the request, whose path becomes the problem's {@code instance}
	 * @param response the response, not yet committed
	 * @param status the status
	 * @param title a short summary of the problem type
	 * @param detail what is wrong with this request and how to fix it
	 * @throws IOException if writing fails
	 */
	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title, String detail)
			throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		problem.put("status", status.value());
		problem.put("title", title);
		byte[] json = this.jsonMapper.writeValueAsBytes(problem);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(json.length);
		response.getOutputStream().write(json);
	}

}
