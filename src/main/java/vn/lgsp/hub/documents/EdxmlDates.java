package vn.lgsp.hub.documents;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * edXML's dates in one place. QCVN 102:2016 packages carry dates as {@code yyyy/MM/dd} (PromulgationDate, DueDate)
 * and times as {@code yyyy/MM/dd HH:mm:ss} in the province's time (Timestamp of a trace or a status); the hub
 * writes those. It reads them and, since systems in the field also send them, the ISO forms ({@code 2026-11-23},
 * {@code 2026-11-23T10:15:00+07:00}, or without offset, read as the province's time).
 */
public final class EdxmlDates {

    /** The province's time zone: times without an offset are in it. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd")
            .withResolverStyle(ResolverStyle.STRICT);
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    private EdxmlDates() {
    }

    public static String date(LocalDate date) {
        return date == null ? null : date.format(DATE);
    }

    /** The instant as the province's local time, to the second. */
    public static String timestamp(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(ZONE).toLocalDateTime().format(TIMESTAMP);
    }

    /** A date in the standard's form or ISO's; null for null. */
    public static LocalDate parseDate(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        try {
            return v.indexOf('/') > 0 ? LocalDate.parse(v, DATE) : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new EdxmlRejected("'" + excerpt(v) + "' is not a date (yyyy/MM/dd or yyyy-MM-dd)");
        }
    }

    /** A time in the standard's form or ISO's (with or without offset); null for null. */
    public static OffsetDateTime parseTimestamp(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.indexOf('/') > 0) {
                return LocalDateTime.parse(v, TIMESTAMP).atZone(ZONE).toOffsetDateTime();
            }
            String iso = v.length() > 10 && v.charAt(10) == ' ' ? v.substring(0, 10) + 'T' + v.substring(11) : v;
            try {
                return OffsetDateTime.parse(iso);
            } catch (DateTimeParseException noOffset) {
                return LocalDateTime.parse(iso).atZone(ZONE).toOffsetDateTime();
            }
        } catch (DateTimeParseException e) {
            throw new EdxmlRejected("'" + excerpt(v) + "' is not a time (yyyy/MM/dd HH:mm:ss or ISO 8601)");
        }
    }

    private static String excerpt(String v) {
        return v.length() > 40 ? v.substring(0, 40) : v;
    }
}
