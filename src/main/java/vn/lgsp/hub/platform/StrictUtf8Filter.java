package vn.lgsp.hub.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * JSON bodies must be well-formed UTF-8 (RFC 8259 §8.1). Jackson's decoder accepts overlong sequences (C0 AF
 * becomes '/'), a classic way to slip a character past a check; this filter validates every byte as it is read —
 * no overlong forms, no surrogates, nothing above U+10FFFF, no truncated sequence — so such a body fails as
 * malformed (400) before anything is bound. XML parsers validate their encoding themselves.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
public class StrictUtf8Filter extends OncePerRequestFilter {

    /** Thrown while reading a body that is not well-formed UTF-8; answered 400 at the edge. */
    public static final class MalformedUtf8Exception extends IOException {
        MalformedUtf8Exception() {
            super("The request body is not well-formed UTF-8");
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(Locale.ROOT).contains("json");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new InspectedRequest(request, new Utf8Check()), response);
    }

    /** A UTF-8 decoder's state machine that only checks. */
    private static final class Utf8Check implements InspectedRequest.Inspector {
        private int pending;
        private int codePoint;
        private int minimum;

        @Override
        public void bytes(byte[] buffer, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                check(buffer[i] & 0xFF);
            }
        }

        @Override
        public void end() throws MalformedUtf8Exception {
            if (pending != 0) {
                throw new MalformedUtf8Exception();
            }
        }

        private void check(int b) throws MalformedUtf8Exception {
            if (pending == 0) {
                if (b < 0x80) {
                    return;
                } else if (b >= 0xC2 && b <= 0xDF) {
                    start(1, b & 0x1F, 0x80);
                } else if (b >= 0xE0 && b <= 0xEF) {
                    start(2, b & 0x0F, 0x800);
                } else if (b >= 0xF0 && b <= 0xF4) {
                    start(3, b & 0x07, 0x10000);
                } else {
                    throw new MalformedUtf8Exception();
                }
                return;
            }
            if ((b & 0xC0) != 0x80) {
                throw new MalformedUtf8Exception();
            }
            codePoint = (codePoint << 6) | (b & 0x3F);
            if (--pending == 0 && (codePoint < minimum || codePoint > 0x10FFFF
                    || codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                throw new MalformedUtf8Exception();
            }
        }

        private void start(int continuationBytes, int bits, int min) {
            pending = continuationBytes;
            codePoint = bits;
            minimum = min;
        }
    }
}
