package io.cachepair.cache.entry;

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
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import io.cachepair.cache.security.TokenVerifier;
import io.cachepair.cache.web.ProblemException;
import io.cachepair.cache.web.ProblemWriter;

/**
 * Serves {@code /v1/caches/{cache}/entries/{key}} ahead of Spring MVC and of the request
 * observation, and passes every other request on.
 * <p>
 * Entry reads and writes are the hot path of the service. In a JFR profile of GETs under
 * load, MVC's handler lookup, argument resolution and the request observation took about
 * a fifth of the sampled time, and serving entries here instead roughly doubled GET
 * throughput (see bench/README.md). So this filter does its own routing, token check and
 * timing. It records {@code http.server.requests} with the same tags as Spring's
 * observation, so dashboards see one metric.
 */
class EntryRequestFilter implements Filter {

	private static final Logger logger = LoggerFactory.getLogger(EntryRequestFilter.class);

	private static final String URI_TEMPLATE = "/v1/caches/{cache}/entries/{key}";

	private final EntryHandler handler;

	private final ProblemWriter problems;

	private final @Nullable TokenVerifier tokenVerifier;

	private final MeterRegistry meters;

	private final Map<String, Timer> timers = new ConcurrentHashMap<>();

	EntryRequestFilter(EntryHandler handler, ProblemWriter problems, @Nullable TokenVerifier tokenVerifier,
			MeterRegistry meters) {
		this.handler = handler;
		this.problems = problems;
		this.tokenVerifier = tokenVerifier;
		this.meters = meters;
	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) servletRequest;
		HttpServletResponse response = (HttpServletResponse) servletResponse;
		EntryPath path = EntryPath.parse(request.getRequestURI());
		if (path == null) {
			chain.doFilter(request, response);
			return;
		}
		long start = System.nanoTime();
		String exception = serve(path, request, response);
		timer(request.getMethod(), response.getStatus(), exception).record(System.nanoTime() - start,
				TimeUnit.NANOSECONDS);
	}

	private String serve(EntryPath path, HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (this.tokenVerifier != null && !this.tokenVerifier.accepts(request.getHeader(HttpHeaders.AUTHORIZATION))) {
			TokenVerifier.reject(response);
			return "none";
		}
		try {
			this.handler.handle(path, request, response);
			return "none";
		}
		catch (ProblemException ex) {
			this.problems.write(request, response, ex);
			return "none";
		}
		catch (RuntimeException ex) {
			logger.error("Entry request {} failed unexpectedly", request.getMethod(), ex);
			this.problems.write(request, response, new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR,
					"Internal error", "The cache-service failed to handle the request; the error is in its log."));
			return ex.getClass().getSimpleName();
		}
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
