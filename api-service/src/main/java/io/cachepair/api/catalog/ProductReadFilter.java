package io.cachepair.api.catalog;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import io.cachepair.api.cacheclient.CacheRead;
import io.cachepair.api.web.JsonResponses;

/**
 * Serves {@code GET} and {@code HEAD} of {@code /api/v1/products/{id}} ahead of Spring
 * MVC and of the request observation, the hot path of the API, and passes every other
 * request on.
 * <p>
 * In a JFR profile of product reads that hit the cache, MVC's handler lookup, return
 * value handling and the request observation took about a third of the samples. This
 * filter reads through the same {@link ProductReadService}, writes the response by the
 * same rules ({@link JsonResponses}), turns exceptions into the same problems through
 * Spring MVC's exception resolvers, and records {@code http.server.requests} with the
 * tags Spring's observation uses. Requests with an {@code Origin} header go through MVC,
 * which applies the CORS rules.
 */
class ProductReadFilter implements Filter {

	private static final String PREFIX = "/api/v1/products/";

	private static final String URI_TEMPLATE = "/api/v1/products/{id}";

	private static final int MAX_ID_DIGITS = 18;

	private final ProductReadService reads;

	private final JsonResponses responses;

	private final HandlerExceptionResolver exceptionResolver;

	private final MeterRegistry meters;

	private final Map<String, Timer> timers = new ConcurrentHashMap<>();

	private final Map<String, MediaType> mediaTypes = new ConcurrentHashMap<>();

	ProductReadFilter(ProductReadService reads, JsonResponses responses, HandlerExceptionResolver exceptionResolver,
			MeterRegistry meters) {
		this.reads = reads;
		this.responses = responses;
		this.exceptionResolver = exceptionResolver;
		this.meters = meters;
	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) servletRequest;
		HttpServletResponse response = (HttpServletResponse) servletResponse;
		long id = productId(request);
		if (id < 0) {
			chain.doFilter(request, response);
			return;
		}
		long start = System.nanoTime();
		String exception = serve(id, request, response);
		timer(request.getMethod(), response.getStatus(), exception).record(System.nanoTime() - start,
				TimeUnit.NANOSECONDS);
	}

	// Returns the id of a product read this filter serves, or -1 for any other request.
	static long productId(HttpServletRequest request) {
		String method = request.getMethod();
		if (!method.equals("GET") && !method.equals("HEAD") || request.getHeader(HttpHeaders.ORIGIN) != null) {
			return -1;
		}
		String uri = request.getRequestURI();
		int digits = uri.length() - PREFIX.length();
		if (!uri.startsWith(PREFIX) || digits < 1 || digits > MAX_ID_DIGITS) {
			return -1;
		}
		for (int i = PREFIX.length(); i < uri.length(); i++) {
			if (uri.charAt(i) < '0' || uri.charAt(i) > '9') {
				return -1;
			}
		}
		return Long.parseLong(uri, PREFIX.length(), uri.length(), 10);
	}

	private String serve(long id, HttpServletRequest request, HttpServletResponse response)
			throws IOException, ServletException {
		try {
			CacheRead read = this.reads.findById(id);
			JsonResponses.TaggedJson json = new JsonResponses.TaggedJson(read.value(), mediaType(read.contentType()),
					read.etag());
			this.responses.write(json, request, response, read.status().name());
			return "none";
		}
		catch (RuntimeException ex) {
			ModelAndView handled = this.exceptionResolver.resolveException(request, response, null, ex);
			if (handled == null) {
				throw ex;
			}
			return (response.getStatus() >= HttpStatus.INTERNAL_SERVER_ERROR.value()) ? ex.getClass().getSimpleName()
					: "none";
		}
	}

	private MediaType mediaType(String contentType) {
		MediaType known = this.mediaTypes.get(contentType);
		return (known != null) ? known : this.mediaTypes.computeIfAbsent(contentType, MediaType::parseMediaType);
	}

	private Timer timer(String method, int status, String exception) {
		String id = method + status + exception;
		Timer timer = this.timers.get(id);
		if (timer == null) {
			timer = this.timers.computeIfAbsent(id,
					(ignored) -> Timer.builder("http.server.requests")
						.tag("error", exception)
						.tag("exception", exception)
						.tag("method", method)
						.tag("outcome", outcome(status))
						.tag("status", Integer.toString(status))
						.tag("uri", URI_TEMPLATE)
						.register(this.meters));
		}
		return timer;
	}

	private static String outcome(int status) {
		HttpStatus.Series series = HttpStatus.Series.resolve(status);
		return switch ((series != null) ? series : HttpStatus.Series.SERVER_ERROR) {
			case INFORMATIONAL -> "INFORMATIONAL";
			case SUCCESSFUL -> "SUCCESS";
			case REDIRECTION -> "REDIRECTION";
			case CLIENT_ERROR -> "CLIENT_ERROR";
			case SERVER_ERROR -> "SERVER_ERROR";
		};
	}

}
