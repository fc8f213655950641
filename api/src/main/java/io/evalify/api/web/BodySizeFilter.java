package io.evalify.api.web;

import io.evalify.api.config.ApiProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than {@code evalify.api.max-body-size} with 413 problem details. A declared
 * {@code Content-Length} is refused before reading; a chunked body is read up to one byte past the limit and
 * refused then. The accepted body is kept in memory (it is at most the limit) and replayed to the controller.
 * Runs after the API key check, so a caller without a key learns nothing about the limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeFilter extends OncePerRequestFilter {

    private final long limit;

    BodySizeFilter(ApiProperties properties) {
        this.limit = properties.maxBodySize().toBytes();
    }

    /**
     * The dashboard's forms are left to Tomcat, which parses form bodies itself (bounded by
     * {@code server.tomcat.max-http-form-post-size}): reading them here would leave the form's fields empty.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return "GET".equals(request.getMethod())
                || "HEAD".equals(request.getMethod())
                || request.getRequestURI().startsWith("/dashboard/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            reject(response);
            return;
        }
        var body = request.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE));
        if (body.length > limit) {
            reject(response);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private void reject(HttpServletResponse response) throws IOException {
        response.setStatus(413);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Connection", "close");
        response.getWriter()
                .write("{\"type\":\"https://evalify.io/problems/payload-too-large\",\"title\":\"Payload too large\","
                        + "\"status\":413,\"detail\":\"The request body exceeds the limit of " + limit
                        + " bytes.\",\"max_body_bytes\":" + limit + "}");
    }

    /** Replays a body that was read in full. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), charset(getCharacterEncoding())));
        }

        private static Charset charset(String name) {
            try {
                return name == null ? StandardCharsets.UTF_8 : Charset.forName(name, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return StandardCharsets.UTF_8;
            }
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
