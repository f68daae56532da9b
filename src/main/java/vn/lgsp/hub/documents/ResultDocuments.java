package vn.lgsp.hub.documents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where result documents received from the document-management system are kept ({@code <data-dir>/documents/
 * <dossier>/<folder>/<n>}) and served ({@code /api/v1/dossiers/<dossier>/results/<folder>/<n>}). The folder is a
 * hash of the axis docId, so no name from a package ever reaches the file system.
 */
public final class ResultDocuments {

    private ResultDocuments() {
    }

    public static String folder(String docId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(docId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String url(String dossierCode, String docId, int index) {
        return "/api/v1/dossiers/" + dossierCode + "/results/" + folder(docId) + "/" + index;
    }
}
