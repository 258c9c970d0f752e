package io.cachepair.cache.web;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Interceptor that rejects a query string that is not valid percent-encoding, and a write
 * or removal with a parameter that its handler does not declare with {@link RequestParam}
 * or with a parameter sent twice. Reads accept unknown parameters, since they cannot
 * change anything there.
 */
class QueryParameterCheck implements HandlerInterceptor {

	private final ConcurrentMap<HandlerMethod, Set<String>> declared = new ConcurrentHashMap<>();

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String query = request.getQueryString();
		if (query == null || query.isEmpty() || !(handler instanceof HandlerMethod method)) {
			return true;
		}
		// Parsing checks the percent-encoding here, before Tomcat's own parser would fail
		// with an exception that is not a client error.
		QueryParameters parameters = QueryParameters.parse(query);
		String httpMethod = request.getMethod();
		if (HttpMethod.GET.matches(httpMethod) || HttpMethod.HEAD.matches(httpMethod)) {
			return true;
		}
		Collection<String> allowed = this.declared.computeIfAbsent(method, QueryParameterCheck::requestParameters);
		parameters.requireOnly(allowed, httpMethod + " " + ProblemException.abbreviate(request.getRequestURI()));
		parameters.requireSingle(parameters.names());
		return true;
	}

	private static Set<String> requestParameters(HandlerMethod method) {
		Set<String> names = new TreeSet<>();
		for (MethodParameter parameter : method.getMethodParameters()) {
			RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
			if (annotation != null) {
				names.add(parameterName(parameter, annotation));
			}
		}
		return Set.copyOf(names);
	}

	private static String parameterName(MethodParameter parameter, RequestParam annotation) {
		if (StringUtils.hasText(annotation.name())) {
			return annotation.name();
		}
		if (StringUtils.hasText(annotation.value())) {
			return annotation.value();
		}
		return parameter.getParameter().getName();
	}

}
