package vn.lgsp.hub.notices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.canonical.Fee;
import vn.lgsp.hub.platform.MappingFiles;
import vn.lgsp.hub.trail.DossierTrail;

/**
 * The notice templates ({@code hub.notices.templates}): for each dossier status that tells the citizen something,
 * its kind and its Vietnamese text with placeholders. Read at start-up; a malformed line stops start-up naming it.
 */
@Component
public class NoticeTemplates {

    /** A status's notice: its kind (two statuses of one kind in a row send one notice) and its text. */
    public record Template(int status, String kind, String text) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String UNKNOWN = "—";

    private final Map<Integer, Template> byStatus;

    @Autowired
    public NoticeTemplates(NoticeProperties properties) {
        this(MappingFiles.path(properties.templates()));
    }

    NoticeTemplates(Path file) {
        Map<Integer, Template> read = new HashMap<>();
        try {
            int lineNo = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#") || line.startsWith("status,")) {
                    continue;
                }
                String[] cells = line.split(",", 3);
                if (cells.length < 3 || !cells[0].strip().matches("\\d{1,2}") || cells[2].isBlank()) {
                    throw new IllegalStateException(file + " line " + lineNo + ": expected status,kind,template");
                }
                int status = Integer.parseInt(cells[0].strip());
                if (read.put(status, new Template(status, cells[1].strip(), cells[2].strip())) != null) {
                    throw new IllegalStateException(file + " line " + lineNo + ": status " + status + " listed twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the notice templates " + file, e);
        }
        this.byStatus = Map.copyOf(read);
    }

    public Optional<Template> forStatus(int status) {
        return Optional.ofNullable(byStatus.get(status));
    }

    /** The template's text with the dossier's fields: only what the template names leaves the hub. */
    public String render(Template template, Dossier dossier) {
        Map<String, String> fields = Map.of(
                "maHoSo", dossier.dossierCode(),
                "tenTTHC", Optional.ofNullable(dossier.procedureName()).orElse(dossier.procedureCode()),
                "soTien", amount(dossier),
                "ngayHenTra", dossier.dueAt() == null ? UNKNOWN
                        : DAY.format(dossier.dueAt().atZoneSameInstant(DossierTrail.ZONE)));
        Matcher m = PLACEHOLDER.matcher(template.text());
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(text, Matcher.quoteReplacement(fields.getOrDefault(m.group(1), m.group())));
        }
        return m.appendTail(text).toString();
    }

    private static String amount(Dossier dossier) {
        long total = dossier.fees() == null ? 0 : dossier.fees().stream()
                .map(Fee::amount).filter(a -> a != null).mapToLong(Long::longValue).sum();
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN")).format(total);
    }
}
