package se.samtrygg.common.web;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.LinkedHashSet;

/**
 * {@code /api/openapi.json}: the OpenAPI 3 document, generated once from the API resources'
 * JAX-RS annotations (the pages are left out: they are not an API), when it is first asked for:
 * generating it was a fifth of the service's start-up time.
 */
@Hidden
@Path("/api/openapi.json")
public final class OpenApiDocument {
    private final Class<?>[] resources;
    private volatile String json;

    private OpenApiDocument(Class<?>[] resources) {
        this.resources = resources;
    }

    public static OpenApiDocument forResources(Class<?>... resources) {
        return new OpenApiDocument(resources.clone());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String document() {
        String generated = json;
        if (generated == null) {
            synchronized (this) { // one generation, whatever the first requests: swagger's reader is made for start-up
                generated = json;
                if (generated == null) {
                    generated = generate(resources);
                    json = generated;
                }
            }
        }
        return generated;
    }

    private static String generate(Class<?>... resources) {
        OpenAPI base = new OpenAPI()
                .info(new Info().title("Samtrygg API").version("v1")
                        .description("Coordination of municipal safety work. Errors are RFC 9457 problem JSON; "
                                + "lists are keyset-paged with ?after= (the audit log with ?before=)."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A token from POST /api/v1/auth/tokens")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
        SwaggerConfiguration config = new SwaggerConfiguration().openAPI(base).prettyPrint(true)
                .resourceClasses(new LinkedHashSet<>(Arrays.stream(resources).map(Class::getName).toList()));
        Reader reader = new Reader(config);
        OpenAPI document = reader.read(new LinkedHashSet<>(Arrays.asList(resources)));
        // Exchanging credentials for a token is the one call that needs no token.
        if (document.getPaths() != null && document.getPaths().get("/api/v1/auth/tokens") != null) {
            document.getPaths().get("/api/v1/auth/tokens").getPost().setSecurity(java.util.List.of(new SecurityRequirement()));
        }
        try {
            return Json.pretty().writeValueAsString(document);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not write the OpenAPI document", e);
        }
    }
}
