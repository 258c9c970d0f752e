package io.cachepair.api.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects a request whose path contains a {@code .} or {@code ..} segment, written as is
 * or percent-encoded, with a 400 problem. Tomcat resolves such segments before it picks
 * the servlet, but Spring MVC matches the path as sent, so the two could disagree about
 * what is requested: {@code /actuator/health/../env} reached the health endpoint with a
 * component named {@code ..}, which failed with a 500. No path of this service needs
 * either segment.
 */
class DotSegmentFilter extends OncePerRequestFilter {

	private final FilterProblems problems;

	DotSegmentFilter(FilterProblems problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (hasDotSegment(request.getRequestURI())) {
			this.problems.write(request, response, HttpStatus.BAD_REQUEST, "Invalid path",
					"The path contains a '.' or '..' segment. Send the path without them.");
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * Returns whether a raw request path has a segment that is {@code .} or {@code ..}
	 * once {@code %2E} is decoded, ignoring path parameters after a {@code ;}.
	 */
	static boolean hasDotSegment(String rawPath) {
		for (String segment : rawPath.split("/", -1)) {
			int parameters = segment.indexOf(';');
			String name = ((parameters >= 0) ? segment.substring(0, parameters) : segment).toLowerCase(Locale.ROOT)
				.replace("%2e", ".");
			if (name.equals(".") || name.equals("..")) {
				return true;
			}
		}
		return false;
	}

}
