package se.samtrygg.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Real HTTP to a started server, as a browser (cookies, forms with their CSRF token) or as an
 * API client (bearer token, JSON). Redirects are not followed, so tests see them.
 */
public final class Http {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;
    private String bearer;
    private String csrf;

    public Http(TestServer server) {
        this(server.url(""));
    }

    /** For a service that is not a {@link TestServer}, such as a {@link ServiceProcess}. */
    public Http(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String location() {
            return header("Location").orElse(null);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }
    }

    // Browser side

    /** Signs in through the login page, as a person would. */
    public Http login(String email, String password) {
        Response page = get("/login");
        Response result = postForm("/login", Map.of("email", email, "password", password, "next", "/"));
        if (result.status() != 303) {
            throw new AssertionError("login failed for " + email + ": " + result.status() + " " + page.status());
        }
        get("/"); // picks up the session's CSRF token
        return this;
    }

    /**
     * Uses an existing session id and its CSRF token (both made by the test through the service), as a page of that
     * session would carry the token: forms can be posted without fetching a page first.
     */
    public Http withSession(String sessionId, String csrfToken) {
        withSession(sessionId);
        csrf = csrfToken;
        return this;
    }

    /** Uses an existing session id (made by the test through the service); fetch a page before posting a form. */
    public Http withSession(String sessionId) {
        HttpCookie cookie = new HttpCookie("samtrygg_session", sessionId);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(baseUrl + "/"), cookie);
        return this;
    }

    public Response get(String path) {
        return send(request(path).GET().build());
    }

    /** A form post that carries the CSRF token of the last page fetched, as a real form would. */
    public Response postForm(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null && !all.containsKey("_csrf")) {
            all.put("_csrf", csrf);
        }
        return postFormExactly(path, all);
    }

    /** A form post with exactly these fields: for forged or tampered forms. */
    public Response postFormExactly(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A form post where a name may come more than once (checkboxes, rows), with the CSRF token of the last page fetched. */
    public Response postFormPairs(String path, List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
        if (csrf != null) {
            all.add(Map.entry("_csrf", csrf));
        }
        String body = all.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A file to upload in a multipart form: its name in the form, the file's name, its type and bytes. */
    public record Upload(String field, String fileName, String contentType, byte[] content) {
    }

    /**
     * A multipart form post ({@code enctype="multipart/form-data"}), as a browser sends a form with a file
     * input: the fields, then the files, with the CSRF token of the last page fetched.
     */
    public Response postMultipart(String path, Map<String, String> fields, List<Upload> files) {
        String boundary = "----samtrygg" + java.util.UUID.randomUUID().toString().replace("-", "");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null && !all.containsKey("_csrf")) {
            all.put("_csrf", csrf);
        }
        all.forEach((name, value) -> {
            part(body, boundary, "form-data; name=\"" + name + "\"", null);
            body.writeBytes(value.getBytes(StandardCharsets.UTF_8));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        for (Upload file : files) {
            part(body, boundary, "form-data; name=\"" + file.field() + "\"; filename=\"" + file.fileName() + "\"", file.contentType());
            body.writeBytes(file.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    private static void part(java.io.ByteArrayOutputStream body, String boundary, String disposition, String contentType) {
        String head = "--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    }

    public String csrf() {
        return csrf;
    }

    public Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    // API side

    public Http bearer(String token) {
        this.bearer = token;
        return this;
    }

    public Response getJson(String path) {
        return send(request(path).header("Accept", "application/json").GET().build());
    }

    public Response postJson(String path, Object body) {
        return sendJson("POST", path, body);
    }

    public Response putJson(String path, Object body) {
        return sendJson("PUT", path, body);
    }

    public Response delete(String path) {
        return send(request(path).header("Accept", "application/json").DELETE().build());
    }

    public Response sendJson(String method, String path, Object body) {
        String json = body instanceof String s ? s : write(body);
        return send(request(path).header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response sendRaw(String method, String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = sendOnLiveConnection(request);
            Response result = new Response(response.statusCode(), response.body(), response.headers());
            Matcher matcher = CSRF.matcher(result.body());
            if (matcher.find()) {
                csrf = matcher.group(1);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Jetty may close a kept-alive connection after an error answer whose request body it did not
     * read (a 415, say); a request that then goes out on that connection gets no bytes back at all.
     * Nothing reached the server, so sending it once more on a fresh connection is what a browser does.
     */
    private HttpResponse<String> sendOnLiveConnection(HttpRequest request) throws IOException, InterruptedException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            if (e.getMessage() == null || !e.getMessage().contains("received no bytes")) {
                throw e;
            }
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
