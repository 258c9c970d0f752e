package io.cachepair.cache.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Writes a {@link ProblemException} as {@code application/problem+json} straight to a
 * servlet response, in the same shape as the problems of the Spring MVC endpoints, for
 * code that runs outside Spring MVC.
 */
@Component
public class ProblemWriter {

	private final JsonMapper mapper;

	public ProblemWriter(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Writes the problem unless the response has already started.
	 * @param request the request, whose path becomes the problem's {@code instance}
	 * @param response the response
	 * @param problem the problem
	 * @throws IOException if writing fails
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, ProblemException problem)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("detail", problem.detail());
		body.put("instance", request.getRequestURI());
		body.put("status", problem.status().value());
		body.put("title", problem.title());
		byte[] json = this.mapper.writeValueAsBytes(body);
		response.resetBuffer();
		response.setStatus(problem.status().value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(json.length);
		response.getOutputStream().write(json);
	}

}
