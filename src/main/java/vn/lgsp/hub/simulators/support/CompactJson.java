package vn.lgsp.hub.simulators.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A JSON document as a simulator keeps it: its UTF-8 text, deflated. The simulators run in the hub's JVM and keep
 * every item of a run; as a tree a document takes about ten times its text, and as a Java string a Vietnamese text
 * takes two bytes a character. Deflated, a 100 KB dossier takes a few kilobytes, so a long run of large dossiers
 * does not fill the hub's heap with what the simulators received (a thousand 100 KB dossiers kept as strings by the
 * one-stop and DVCQG simulators took over 300 MB of a 512 MB hub). Read back into a new tree each time.
 */
public final class CompactJson {

    private static final ObjectMapper TREES = new ObjectMapper();

    private final byte[] deflated;
    private final int length;

    private CompactJson(byte[] deflated, int length) {
        this.deflated = deflated;
        this.length = length;
    }

    public static CompactJson of(JsonNode tree) {
        return of(tree.toString());
    }

    public static CompactJson of(String json) {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            deflater.setInput(text);
            deflater.finish();
            byte[] out = new byte[Math.max(64, text.length / 4)];
            int size = 0;
            while (!deflater.finished()) {
                if (size == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                size += deflater.deflate(out, size, out.length - size);
            }
            return new CompactJson(Arrays.copyOf(out, size), text.length);
        } finally {
            deflater.end();
        }
    }

    /** The text as it was given. */
    public String text() {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            byte[] text = new byte[length];
            int size = 0;
            while (size < length) {
                int read = inflater.inflate(text, size, length - size);
                if (read == 0 && (inflater.finished() || inflater.needsInput())) {
                    break;
                }
                size += read;
            }
            if (size != length) {
                throw new IllegalStateException("a kept JSON text inflated to " + size + " of its " + length + " bytes");
            }
            return new String(text, StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a kept JSON text cannot be inflated", e);
        } finally {
            inflater.end();
        }
    }

    /** A new tree of the document: changing it changes nothing kept. */
    public JsonNode tree() {
        try {
            return TREES.readTree(text());
        } catch (IOException e) {
            throw new IllegalStateException("a kept JSON text cannot be read again", e);
        }
    }

    /** Bytes kept (for tests and the simulators' own figures). */
    public int keptBytes() {
        return deflated.length;
    }
}
