package se.samtrygg.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestServer;

class OpenApiTest {

    @Test
    void theOpenApiDocumentDescribesTheApiAndOnlyTheApi() {
        Http.Response response = new Http(TestServer.shared()).getJson("/api/openapi.json");
        assertThat(response.status()).isEqualTo(200);
        JsonNode document = response.json();
        assertThat(document.get("openapi").asText()).startsWith("3.");
        List<String> paths = new ArrayList<>();
        document.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/v1/users", "/api/v1/users/{id}", "/api/v1/organisations", "/api/v1/memberships",
                "/api/v1/auth/tokens", "/api/v1/audit");
        assertThat(paths).allMatch(p -> p.startsWith("/api/v1/"));
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/components/schemas/OrganisationInput/properties/type/enum").toString()).contains("POLICE");
        assertThat(document.at("/paths/~1api~1v1~1auth~1tokens/post/summary").asText()).contains("bearer token");
        assertThat(document.at("/paths/~1api~1v1~1auth~1tokens/post/security").toString()).as("needs no token").isEqualTo("[{}]");
        assertThat(document.at("/paths/~1api~1v1~1users/post/requestBody/content/application~1json/schema/$ref").asText())
                .as("the signed-in user is not mistaken for the request body").endsWith("/UserInput");
        assertThat(response.body()).doesNotContain("CurrentUser");
    }
}
