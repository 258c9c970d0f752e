package io.cachepair.api.shutdown;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.cachepair.api.testing.RawHttpResponse;

/**
 * A request whose body is sent in two parts, so that it is certainly in progress on the
 * server between the two. It sends {@code Expect: 100-continue} and waits for Tomcat's
 * {@code 100 Continue}, which Tomcat sends only once it has taken the request in for
 * processing; then it sends the first half of the body, which the service blocks on until
 * {@link #finish()} sends the rest.
 */
final class SlowUpload implements AutoCloseable {

	private final Socket socket;

	private final byte[] rest;

	private SlowUpload(Socket socket, byte[] rest) {
		this.socket = socket;
		this.rest = rest;
	}

	/**
	 * Sends the request head and the first half of the body.
	 * @param port the service's loopback port
	 * @param method the method, such as {@code PUT}
	 * @param path the path
	 * @param contentType the body's content type
	 * @param body the whole body, at least two bytes
	 * @return the upload in progress
	 * @throws IOException if sending fails or the service does not respond with
	 * {@code 100 Continue}
	 */
	static SlowUpload start(int port, String method, String path, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
		socket.setSoTimeout(30_000);
		String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
				+ "\r\nContent-Length: " + bytes.length + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n";
		OutputStream out = socket.getOutputStream();
		out.write(head.getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
		String interim = readHead(socket.getInputStream());
		if (!interim.startsWith("HTTP/1.1 100")) {
			socket.close();
			throw new IOException("Expected 100 Continue but got: " + interim);
		}
		int half = bytes.length / 2;
		out.write(bytes, 0, half);
		out.flush();
		byte[] rest = new byte[bytes.length - half];
		System.arraycopy(bytes, half, rest, 0, rest.length);
		return new SlowUpload(socket, rest);
	}

	/**
	 * Sends the rest of the body and reads the response.
	 * @return the response
	 * @throws IOException if the connection ended before a complete response
	 */
	RawHttpResponse finish() throws IOException {
		OutputStream out = this.socket.getOutputStream();
		out.write(this.rest);
		out.flush();
		return RawHttpResponse.read(this.socket.getInputStream(), true)
			.orElseThrow(() -> new IOException("Connection closed before any response byte"));
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int next = in.read();
			if (next < 0) {
				throw new IOException("Connection ended before a response head");
			}
			head.write(next);
			matched = (next == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((next == '\r') ? 1 : 0);
		}
		return head.toString(StandardCharsets.ISO_8859_1);
	}

}
