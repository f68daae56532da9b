package vn.lgsp.hub.simulators.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

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

    private CompactJson(byte[] deflated) {
        this.deflated = deflated;
    }

    public static CompactJson of(JsonNode tree) {
        return of(tree.toString());
    }

    public static CompactJson of(String json) {
        Deflater fast = new Deflater(Deflater.BEST_SPEED);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflating = new DeflaterOutputStream(out, fast)) {
            deflating.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: does not happen
        } finally {
            fast.end(); // a deflater given to the stream is not ended by it
        }
        return new CompactJson(out.toByteArray());
    }

    /** The text as it was given. */
    public String text() {
        try (InflaterInputStream inflating = new InflaterInputStream(new ByteArrayInputStream(deflated))) {
            return new String(inflating.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("a kept JSON text cannot be inflated", e);
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

    /** Bytes kept. */
    public int keptBytes() {
        return deflated.length;
    }
}
