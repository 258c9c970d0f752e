package io.cachepair.cache.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Interceptor that rejects {@code If-Match} and {@code If-None-Match} on the writes and
 * removals that Spring MVC handles: counters, batches, removal by prefix or tag, and
 * cache settings. Only single entries have a validator to compare, so a condition sent
 * elsewhere would otherwise be ignored while the call changes data.
 */
class ConditionalHeaderCheck implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String method = request.getMethod();
		if (HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method)) {
			return true;
		}
		for (String header : new String[] { HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH }) {
			if (request.getHeader(header) != null) {
				throw new InvalidRequestException(
						"Unsupported header %s: %s %s has no validator to compare. Conditional requests apply to single entries only."
							.formatted(header, method, ProblemException.abbreviate(request.getRequestURI())));
			}
		}
		return true;
	}

}
