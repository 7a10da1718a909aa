package se.samtrygg.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import io.dropwizard.testing.ConfigOverride;
import se.samtrygg.support.TestDatabase;
import se.samtrygg.support.TestServer;

/** Behind a proxy that ends TLS (useForwardedHeaders), cookies are Secure and HSTS is sent. */
class BehindTlsProxyTest {

    @Test
    void overHttpsCookiesAreSecureAndStrictTransportSecurityIsSent() throws Exception {
        try (TestServer server = TestServer.start(TestDatabase.fresh(),
                ConfigOverride.config("server.applicationConnectors[0].useForwardedHeaders", "true"))) {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> https = client.send(HttpRequest.newBuilder(URI.create(server.url("/login")))
                    .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(https.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
            List<String> cookies = https.headers().allValues("Set-Cookie");
            assertThat(cookies).isNotEmpty().allMatch(c -> c.contains("Secure"));

            HttpResponse<String> plain = client.send(HttpRequest.newBuilder(URI.create(server.url("/login"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
            assertThat(plain.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("Secure"));
        }
    }
}
