package se.samtrygg.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestServer;

class SecurityHeadersTest {
    private final TestServer server = TestServer.shared();

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        Http http = new Http(server);
        for (String path : List.of("/login", "/assets/samtrygg.css", "/api/v1/users", "/no-such-page", "/api/openapi.json")) {
            Http.Response response = http.get(path);
            String csp = response.header("Content-Security-Policy").orElseThrow(() -> new AssertionError("no CSP on " + path));
            assertThat(csp).contains("frame-ancestors 'none'").contains("script-src 'self'").doesNotContain("unsafe-inline");
            assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.header("Referrer-Policy")).isPresent();
            assertThat(response.header("Strict-Transport-Security")).as("no HSTS over plain http").isEmpty();
        }
    }

    @Test
    void pagesHaveNoInlineScriptAndWorkWithoutJavaScript() {
        String body = new Http(server).get("/login").body();
        assertThat(body).doesNotContain("<script").doesNotContain("onclick=").doesNotContain("style=");
        assertThat(body).contains("<form method=\"post\" action=\"/login\"");
    }
}
