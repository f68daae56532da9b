package vn.lgsp.hub.platform;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body is shown to an {@link Inspector} as it is read, so an edge filter can refuse a body (too
 * large, not UTF-8) while it streams, without buffering it whole.
 */
final class InspectedRequest extends HttpServletRequestWrapper {

    /** Sees every chunk of the body as it is read, and its end; throws to refuse it. */
    interface Inspector {
        void bytes(byte[] buffer, int offset, int length) throws IOException;

        default void end() throws IOException {
        }
    }

    private final Inspector inspector;
    private ServletInputStream stream;

    InspectedRequest(HttpServletRequest request, Inspector inspector) {
        super(request);
        this.inspector = inspector;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new InspectedStream(super.getInputStream(), inspector);
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        String encoding = getCharacterEncoding();
        return new BufferedReader(new InputStreamReader(getInputStream(),
                encoding == null ? StandardCharsets.UTF_8.name() : encoding));
    }

    private static final class InspectedStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final Inspector inspector;
        private final byte[] one = new byte[1];

        InspectedStream(ServletInputStream delegate, Inspector inspector) {
            this.delegate = delegate;
            this.inspector = inspector;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b < 0) {
                inspector.end();
            } else {
                one[0] = (byte) b;
                inspector.bytes(one, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n < 0) {
                inspector.end();
            } else if (n > 0) {
                inspector.bytes(buffer, offset, n);
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
