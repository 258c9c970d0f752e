package io.cachepair.api.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes Tomcat's own error responses, such as a 400 for a request line that is not valid
 * percent-encoded UTF-8 or a header section over the size limit, as
 * {@code application/problem+json} instead of an HTML page, so that clients get one error
 * format whatever rejected the request.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int reported = response.getStatus();
		if (reported < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		// Tomcat rejects an unknown HTTP version with 505 and an unknown transfer coding
		// with 501, but both are malformed requests, so they get the client error 400.
		int status = (reported == 505 || reported == 501) ? 400 : reported;
		AtomicBoolean ioAllowed = new AtomicBoolean();
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		try {
			response.setStatus(status);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				writer.write(problemJson(status));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The connection is gone or the response has already started, so nothing
			// more can be sent.
		}
	}

	private static String problemJson(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		String title = (known != null) ? known.getReasonPhrase() : "Error";
		String detail = (status == 400) ? "The server rejected the request before handling it: check that the path "
				+ "is valid percent-encoded UTF-8 and that the request line and headers are well formed and within "
				+ "the size limits." : "The server rejected the request before handling it.";
		return "{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}".formatted(title, status,
				detail);
	}

}
