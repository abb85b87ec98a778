package cn.wucheng.cq.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A user of the real server (RANDOM_PORT) over HTTP with his own session cookie, signed in through the login form
 * like a browser: {@code WebUser.signIn(port, "legal", password)}. An administrator (who must have a second factor)
 * enrols one on the way, as an authenticator app would. Redirects are not followed, so a test sees them.
 */
public final class WebUser {

	private static final Pattern CSRF = Pattern
		.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"|(?:value|content)=\"([^\"]+)\" name=\"_csrf\"");

	private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\"[^>]*>([A-Z2-7 ]+)<");

	private final HttpClient http;

	private final String base;

	private final Duration timeout;

	private String csrf;

	private final CookieManager cookies = new CookieManager();

	private WebUser(int port, Duration timeout) {
		this.http = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		this.base = "http://127.0.0.1:" + port;
		this.timeout = timeout;
	}

	/** The session's cookie (name and value), e.g. to give a browser this user's session. */
	public java.net.HttpCookie sessionCookie() {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("JSESSIONID") || c.getName().equals("SESSION"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no session cookie"));
	}

	/** Not signed in: only the login page and what anonymous users get. */
	public static WebUser anonymous(int port, Duration timeout) {
		return new WebUser(port, timeout);
	}

	/** Signed in with the password; administrators also enrol a second factor. */
	public static WebUser signIn(int port, String username, String password) {
		return signIn(port, username, password, Duration.ofSeconds(60));
	}

	/** The same, each request given up after {@code timeout}. */
	public static WebUser signIn(int port, String username, String password, Duration timeout) {
		WebUser user = new WebUser(port, timeout);
		HttpResponse<String> signedIn = user.submitLogin(username, password);
		if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException(username + " could not sign in: " + signedIn.statusCode() + " "
					+ signedIn.headers().map());
		}
		HttpResponse<String> home = user.get("/");
		if (home.statusCode() == 302 && home.headers().firstValue("Location").orElse("").endsWith("/account/totp")) {
			user.enrolSecondFactor();
		}
		return user;
	}

	/** The login form posted (after reading its CSRF token): the answer as it is, redirect or page. */
	public HttpResponse<String> submitLogin(String username, String password) {
		get("/login");
		return post("/login", Map.of("username", username, "password", password));
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	/** A form post carrying the session's CSRF token read from the last page. */
	public HttpResponse<String> post(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		if (csrf != null) {
			body += "&_csrf=" + encode(csrf);
		}
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		// what a browser accepts on a page (the error controller answers pages in HTML), JSON on the API
		request.header("Accept", request.build().uri().getPath().startsWith("/api/") ? "application/json"
				: "text/html,application/xhtml+xml,*/*;q=0.8");
		try {
			HttpResponse<String> response = http.send(request.timeout(timeout).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			Matcher m = CSRF.matcher(response.body());
			if (m.find()) {
				csrf = m.group(1) != null ? m.group(1) : m.group(2);
			}
			return response;
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private void enrolSecondFactor() {
		HttpResponse<String> page = get("/account/totp");
		Matcher m = SECRET.matcher(page.body());
		if (!m.find()) {
			throw new IllegalStateException("no second-factor secret on " + page.body());
		}
		byte[] secret = base32(m.group(1).replace(" ", ""));
		HttpResponse<String> enrolled = post("/account/totp/enrol",
				Map.of("code", totp(secret, Instant.now().getEpochSecond() / 30)));
		if (enrolled.statusCode() != 302 || !enrolled.headers().firstValue("Location").orElse("").endsWith("/")) {
			throw new IllegalStateException("second factor not enrolled: " + enrolled.headers().map());
		}
	}

	private static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	/** RFC 4648 base32 without padding, as the second-factor page shows the secret. */
	private static byte[] base32(String text) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		byte[] out = new byte[text.length() * 5 / 8];
		int buffer = 0;
		int bits = 0;
		int n = 0;
		for (char c : text.toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				out[n++] = (byte) (buffer >> (bits - 8));
				bits -= 8;
			}
		}
		return out;
	}

	/** RFC 6238 with HMAC-SHA1 and 6 digits, what an authenticator app shows for the step. */
	private static String totp(byte[] secret, long step) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret, "RAW"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0xf;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return String.format("%06d", binary % 1_000_000);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

}
