package io.cachepair.api.web;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Interceptor that rejects a request parameter sent more than once when its handler takes
 * one value, such as {@code size=1&size=3}, instead of letting the first value win.
 */
class RepeatedParameterCheck implements HandlerInterceptor {

	private final ConcurrentMap<HandlerMethod, Set<String>> singleValued = new ConcurrentHashMap<>();

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		// Only reads take query parameters, and reading the parameters of another method
		// could make the container parse a form body.
		boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
		if (!read || request.getQueryString() == null || !(handler instanceof HandlerMethod method)) {
			return true;
		}
		Set<String> names = this.singleValued.computeIfAbsent(method, RepeatedParameterCheck::singleValuedParameters);
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			int count = parameter.getValue().length;
			if (count > 1 && names.contains(parameter.getKey())) {
				throw new InvalidParameterException(parameter.getKey(),
						"takes one value, but was sent " + count + " times");
			}
		}
		return true;
	}

	private static Set<String> singleValuedParameters(HandlerMethod method) {
		Set<String> names = new TreeSet<>();
		for (MethodParameter parameter : method.getMethodParameters()) {
			RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
			Class<?> type = parameter.getParameterType();
			if (annotation != null && !type.isArray() && !Collection.class.isAssignableFrom(type)) {
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
