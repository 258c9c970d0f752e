package io.cachepair.api.testing;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP/1.1 response read byte by byte from a socket, for tests that send raw requests
 * and must tell a complete response from a connection that ended early.
 *
 * @param status the status code
 * @param headers the headers, with lower-case names; a repeated header keeps its last
 * value
 * @param body the body, decoded from chunked transfer coding when the response used it
 */
public record RawHttpResponse(int status, Map<String, String> headers, byte[] body) {

	/**
	 * Returns a header's value, or an empty string when the response has none.
	 */
	public String header(String name) {
		return this.headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
	}

	public String text() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/**
	 * Reads the next final response, skipping interim 1xx responses such as
	 * {@code 100 Continue}.
	 * @param in the socket's input
	 * @param hasBody whether the response can have a body, which a response to
	 * {@code HEAD} cannot
	 * @return the response, or empty when the connection was closed or reset before the
	 * first byte of a response
	 * @throws EOFException if the connection ended in the middle of a response
	 * @throws IOException if the response is not HTTP/1.x, reading fails after its first
	 * byte, or the socket's read timeout passes
	 */
	public static Optional<RawHttpResponse> read(InputStream in, boolean hasBody) throws IOException {
		while (true) {
			Optional<String> head = readHead(in);
			if (head.isEmpty()) {
				return Optional.empty();
			}
			String[] lines = head.get().split("\r\n");
			if (!lines[0].startsWith("HTTP/1.")) {
				throw new IOException("Not an HTTP/1.x response: " + lines[0]);
			}
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			if (status >= 200) {
				Map<String, String> headers = headers(lines);
				byte[] body = (hasBody && status != 204 && status != 304) ? readBody(in, headers) : new byte[0];
				return Optional.of(new RawHttpResponse(status, headers, body));
			}
		}
	}

	private static Map<String, String> headers(String[] lines) {
		Map<String, String> headers = new TreeMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
					lines[i].substring(colon + 1).strip());
		}
		return headers;
	}

	/**
	 * Reads up to the blank line that ends the status line and headers.
	 * @return the head without the blank line, or empty if the connection ended before
	 * its first byte
	 */
	private static Optional<String> readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int next = readOrEnd(in, head.size() == 0);
			if (next < 0) {
				if (head.size() == 0) {
					return Optional.empty();
				}
				throw new EOFException("Connection ended after " + head.size() + " bytes of a response head");
			}
			head.write(next);
			matched = (next == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((next == '\r') ? 1 : 0);
		}
		return Optional.of(head.toString(StandardCharsets.ISO_8859_1).strip());
	}

	/**
	 * Reads one byte. Before a response has started, a reset counts as the end of the
	 * connection; after that, it is an error. A timeout is always an error.
	 */
	private static int readOrEnd(InputStream in, boolean beforeResponse) throws IOException {
		try {
			return in.read();
		}
		catch (SocketException ex) {
			if (beforeResponse) {
				return -1;
			}
			throw ex;
		}
	}

	private static byte[] readBody(InputStream in, Map<String, String> headers) throws IOException {
		if (headers.containsKey("content-length")) {
			int length = Integer.parseInt(headers.get("content-length"));
			byte[] body = in.readNBytes(length);
			if (body.length < length) {
				throw new EOFException("Connection ended after " + body.length + " of " + length + " body bytes");
			}
			return body;
		}
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			return readChunked(in);
		}
		return "close".equalsIgnoreCase(headers.get("connection")) ? in.readAllBytes() : new byte[0];
	}

	private static byte[] readChunked(InputStream in) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			int size = Integer.parseInt(readLine(in).strip(), 16);
			if (size == 0) {
				readLine(in);
				return body.toByteArray();
			}
			byte[] chunk = in.readNBytes(size);
			if (chunk.length < size) {
				throw new EOFException("Connection ended inside a chunk");
			}
			body.write(chunk);
			readLine(in);
		}
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int next;
		while ((next = in.read()) != '\n') {
			if (next < 0) {
				throw new EOFException("Connection ended inside a chunked body");
			}
			if (next != '\r') {
				line.write(next);
			}
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

}
