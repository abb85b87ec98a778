package cn.wucheng.cq.acceptance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** A script's view of the system: HTTP Basic against a running server on 127.0.0.1, as API.md describes. */
final class ApiClient {

	record Response(int status, JsonNode body) {
	}

	private final HttpClient http = HttpClient.newHttpClient();

	private final ObjectMapper json = new ObjectMapper();

	private final String base;

	private final String authorization;

	ApiClient(int port, String username, String password) {
		this.base = "http://127.0.0.1:" + port;
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization).GET());
	}

	Response upload(String kind, String fileName, byte[] content) {
		String boundary = "----cq" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/imports/" + kind))
			.header("Authorization", authorization)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode node = r.body() == null || r.body().isBlank() ? null : json.readTree(r.body());
			return new Response(r.statusCode(), node);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
