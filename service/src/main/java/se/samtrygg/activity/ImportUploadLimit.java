package se.samtrygg.activity;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.identity.CurrentUser;

/**
 * Refuses an uploaded import file larger than {@link #MAX_MEGABYTES} before anything reads it: the
 * import page comes back saying so, and the API answers 422 naming the limit. Jetty's own limits do not apply here (Jersey reads multipart bodies
 * itself), so this is the limit. Runs after sign-in and before the CSRF check, which would otherwise
 * read the whole body to find its token; refusing a body unread changes nothing, so it needs no token.
 */
@ImportUploadLimit.Limited
@Priority(Priorities.AUTHENTICATION + 50)
final class ImportUploadLimit implements ContainerRequestFilter {
    /** 10 MB hold about 100,000 rows of the export's columns: five times the largest import allowed. */
    static final int MAX_MEGABYTES = 10;
    static final long MAX_BYTES = MAX_MEGABYTES * 1024L * 1024L;
    /** A refused body is read to its end (up to this) so that the browser, still sending, gets the page rather than a reset. */
    private static final long DRAIN_AT_MOST = 8 * MAX_BYTES;

    /** Marks the resource methods that take an import file. */
    @NameBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @interface Limited {
    }

    private final ActivityPages pages;

    @Context
    private HttpServletRequest servletRequest;

    ImportUploadLimit(ActivityPages pages) {
        this.pages = pages;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        long length = request.getLength();
        boolean api = request.getUriInfo().getPath().startsWith("api/");
        if (length > MAX_BYTES) {
            drain(request.getEntityStream(), Math.min(length, DRAIN_AT_MOST));
            if (api) {
                throw tooLargeForApi();
            }
            CurrentUser actor = (CurrentUser) request.getSecurityContext().getUserPrincipal();
            request.abortWith(Response.status(413).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(pages.fileTooLarge(servletRequest, actor)).build());
        } else if (length < 0) {
            // No length given (chunked): count while reading; past the limit the error page says why.
            request.setEntityStream(new Bounded(request.getEntityStream(), api));
        }
    }

    /** API clients get problem JSON naming the limit, on the field that holds the file: the body. */
    private static InvalidInputException tooLargeForApi() {
        return new InvalidInputException("body", "error.importFileTooLarge", MAX_MEGABYTES);
    }

    private static void drain(InputStream in, long atMost) {
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        try {
            int n;
            while (read < atMost && (n = in.read(buffer)) >= 0) {
                read += n;
            }
        } catch (IOException e) {
            // The client went away; the answer is lost either way.
        }
    }

    private static final class Bounded extends FilterInputStream {
        private final boolean api;
        private long count;

        Bounded(InputStream in, boolean api) {
            super(in);
            this.api = api;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count > MAX_BYTES) {
                throw api ? tooLargeForApi() : new WebApplicationException(413);
            }
        }
    }
}
