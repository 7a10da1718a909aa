package se.samtrygg.common.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response of the application port: pages, API, assets and errors.
 * The CSP allows no inline script and no script from anywhere but our own assets.
 */
public final class SecurityHeadersFilter implements Filter {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        http.setHeader("Content-Security-Policy", CSP);
        http.setHeader("X-Content-Type-Options", "nosniff");
        http.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        http.setHeader("X-Frame-Options", "DENY");
        http.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (request.isSecure()) {
            http.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        String path = ((HttpServletRequest) request).getRequestURI();
        if (!path.startsWith("/assets/")) {
            // Pages and API answers hold personal data: no shared cache may keep them.
            http.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
