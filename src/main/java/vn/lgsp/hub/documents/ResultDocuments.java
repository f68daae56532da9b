package vn.lgsp.hub.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

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

    /** Copies decoded attachments into a folder as {@code 1}, {@code 2}, ... (again: the same files). */
    static List<Path> keep(Path folder, List<Edxml.ReceivedAttachment> attachments) {
        List<Path> kept = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (int i = 0; i < attachments.size(); i++) {
                Path target = folder.resolve(Integer.toString(i + 1));
                Files.copy(attachments.get(i).file(), target, StandardCopyOption.REPLACE_EXISTING);
                kept.add(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return kept;
    }

    public static String url(String dossierCode, String docId, int index) {
        return "/api/v1/dossiers/" + dossierCode + "/results/" + folder(docId) + "/" + index;
    }
}
