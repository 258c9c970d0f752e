package io.cachepair.cache.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a {@code /v1} request through only when it carries the configured bearer token,
 * and rejects it with 401 and problem+json otherwise.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private final TokenVerifier verifier;

	BearerTokenFilter(TokenVerifier verifier) {
		this.verifier = verifier;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.verifier.accepts(request.getHeader(HttpHeaders.AUTHORIZATION))) {
			chain.doFilter(request, response);
		}
		else {
			TokenVerifier.reject(response);
		}
	}

}
