package se.samtrygg.common.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samtrygg.common.AccessDeniedException;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.NotFoundException;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.identity.AuthenticationFilter;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.identity.LoginOutcome;
import se.samtrygg.identity.LoginRefusedException;

/**
 * Every exception ends here. API paths get RFC 9457 problem JSON; pages get the error page (or,
 * when not signed in, the login page). A 5xx is logged with an error id that the user also sees,
 * so support can find it; the stack trace stays in the log.
 */
public final class ExceptionMapping implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ExceptionMapping.class);

    private final PageContextFactory pages;
    private final Messages messages;

    @Context
    private UriInfo uriInfo;

    @Context
    private HttpServletRequest request;

    public ExceptionMapping(PageContextFactory pages) {
        this.pages = pages;
        this.messages = pages.messages();
    }

    /** What went wrong, independent of how it is shown. */
    record Failure(int status, String titleKey, String detail, List<Problem.Field> fields, Long retryAfterSeconds) {
        Failure(int status, String titleKey, String detail) {
            this(status, titleKey, detail, List.of(), null);
        }

        Failure(int status, String titleKey, String detail, List<Problem.Field> fields) {
            this(status, titleKey, detail, fields, null);
        }
    }

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof WebApplicationException web && web.getResponse().getStatus() < 400) {
            return web.getResponse(); // a redirect is not an error
        }
        boolean api = uriInfo.getPath().startsWith("api/");
        Failure failure = classify(exception, api ? Language.en : languageOfRequest());
        String errorId = null;
        if (failure.status() >= 500) {
            errorId = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("Unhandled error {} on {} {}", errorId, request.getMethod(), LogSafe.of(uriInfo.getPath()), exception);
        }
        return api ? problem(failure, errorId) : page(failure, errorId);
    }

    private Response problem(Failure failure, String errorId) {
        String detail = errorId == null ? failure.detail() : failure.detail() + " (error id " + errorId + ")";
        Problem body = new Problem("about:blank", messages.get(Language.en, failure.titleKey()), failure.status(),
                detail, "/" + uriInfo.getPath(), failure.fields());
        Response.ResponseBuilder response = Response.status(failure.status()).type(Problem.MEDIA_TYPE).entity(body);
        if (failure.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"samtrygg\"");
        }
        if (failure.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, failure.retryAfterSeconds());
        }
        return response.build();
    }

    private Response page(Failure failure, String errorId) {
        if (failure.status() == 401) {
            URI login = UriBuilder.fromPath("/login").queryParam("next", "/" + uriInfo.getPath()).build();
            return Response.seeOther(login).build();
        }
        CurrentUser user = AuthenticationFilter.currentUser(request);
        PageContext context = pages.create(request, user);
        Language language = context.language();
        String heading = messages.get(language, failure.titleKey());
        String explanation = messages.get(language, "error.explanation." + failure.status());
        if (!messages.has(language, "error.explanation." + failure.status())) {
            explanation = failure.detail();
        }
        return Response.status(failure.status()).type("text/html;charset=UTF-8")
                .entity(new ErrorPage(context, failure.status(), heading, explanation, errorId)).build();
    }

    private Failure classify(Throwable e, Language language) {
        if (e instanceof InvalidInputException invalid) {
            List<Problem.Field> fields = invalid.errors().stream()
                    .map(f -> new Problem.Field(f.field(), messages.get(language, f.messageKey(), f.args())))
                    .toList();
            return new Failure(422, "error.title.422", "The input is not valid: see errors.", fields);
        }
        if (e instanceof LoginRefusedException refused) {
            if (refused.outcome() instanceof LoginOutcome.SlowedDown slow) {
                return new Failure(429, "error.title.429", "Too many failed logins: wait " + slow.secondsToWait() + " seconds.",
                        List.of(), slow.secondsToWait());
            }
            if (refused.outcome() instanceof LoginOutcome.Locked locked) {
                return new Failure(429, "error.title.429",
                        "The account is locked after too many failed logins until " + locked.until() + ".", List.of(),
                        Math.max(1, java.time.Duration.between(java.time.Instant.now(), locked.until()).toSeconds()));
            }
            return new Failure(401, "error.title.401", "Wrong e-mail or password.");
        }
        if (e instanceof AccessDeniedException denied) {
            return new Failure(403, "error.title.403", denied.publicDetail() != null ? denied.publicDetail() : "You may not do this.");
        }
        if (e instanceof NotFoundException) {
            return new Failure(404, "error.title.404", "No such resource.");
        }
        if (e instanceof JsonParseException) {
            return new Failure(400, "error.title.400", "The body is not well-formed JSON.");
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new Failure(400, "error.title.400", "Unknown field.",
                    List.of(new Problem.Field(path(unknown), "unknown field")));
        }
        if (e instanceof InvalidFormatException invalid) {
            String expected = invalid.getTargetType() != null && invalid.getTargetType().isEnum()
                    ? "one of " + List.of(invalid.getTargetType().getEnumConstants()).stream()
                            .map(Object::toString).collect(Collectors.joining(", "))
                    : "a value of type " + (invalid.getTargetType() == null ? "?" : invalid.getTargetType().getSimpleName());
            return new Failure(400, "error.title.400", "A field has a value of the wrong kind.",
                    List.of(new Problem.Field(path(invalid), "must be " + expected)));
        }
        if (e instanceof JsonMappingException mapping) {
            return new Failure(400, "error.title.400", "The JSON does not have the expected shape.",
                    List.of(new Problem.Field(path(mapping), "wrong type or shape")));
        }
        if (e instanceof JsonProcessingException) {
            return new Failure(400, "error.title.400", "The body could not be read as JSON.");
        }
        if (e instanceof ParamException param) {
            return new Failure(400, "error.title.400", "A parameter has an invalid value.",
                    List.of(new Problem.Field(param.getParameterName(), "invalid value")));
        }
        if (e instanceof NotAuthorizedException) {
            return new Failure(401, "error.title.401", "Sign in, or send a valid bearer token.");
        }
        if (violatesConstraint(e)) {
            // Two people changed the same thing at once: the check before the write passed for both, and the database's
            // unique or foreign key constraint refused the second. Nothing of it was stored; trying again shows why.
            return new Failure(409, "error.title.409", "The change conflicts with one made at the same moment: reload and try again.");
        }
        if (e instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status >= 500) {
                return new Failure(status, "error.title.500", "Something went wrong on our side.");
            }
            return new Failure(status, titleKey(status), reasonPhrase(status));
        }
        return new Failure(500, "error.title.500", "Something went wrong on our side.");
    }

    /** A unique (23505) or foreign key (23503) violation, anywhere in the causes: the same SQL states on H2 and PostgreSQL. */
    private static boolean violatesConstraint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && ("23505".equals(sql.getSQLState()) || "23503".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private String titleKey(int status) {
        String key = "error.title." + status;
        return messages.has(Language.en, key) ? key : "error.title.400";
    }

    private static String reasonPhrase(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Request failed." : known.getReasonPhrase() + ".";
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "body" : path;
    }

    private Language languageOfRequest() {
        CurrentUser user = AuthenticationFilter.currentUser(request);
        return PageContextFactory.language(request, user);
    }
}
