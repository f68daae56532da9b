package vn.lgsp.hub.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;

/**
 * The period [from, to) of a figures request, read from the query's {@code from} and {@code to} the way a province's
 * engineer writes them: a day ({@code 2026-12-01}, its start in Asia/Ho_Chi_Minh), a local date-time
 * ({@code 2026-12-01T08:00}, Asia/Ho_Chi_Minh) or a date-time with offset ({@code 2026-12-01T00:00:00+07:00}, the
 * {@code +} may arrive decoded as a space). Without {@code from} the period starts on the first day of the month
 * of {@code to} (or of the current month); without {@code to} it ends at the start of the month after {@code from}'s
 * month. So no parameters at all means the current month. Anything else is a 400 naming the accepted forms.
 */
public record ReportingPeriod(OffsetDateTime from, OffsetDateTime to) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** The accepted forms, as the error message and the API description name them. */
    public static final String FORMS = "yyyy-MM-dd, yyyy-MM-ddTHH:mm[:ss] (Asia/Ho_Chi_Minh) "
            + "or yyyy-MM-ddTHH:mm:ss+07:00";

    public static final String FROM_DESCRIPTION = "Start of the period: yyyy-MM-dd, a date-time in Asia/Ho_Chi_Minh "
            + "or one with offset; default: the first day of the month of to, or of the current month";
    public static final String TO_DESCRIPTION = "End of the period (exclusive), in the same forms; default: the "
            + "first day of the month after from's month";

    // "+07:00" whose '+' was decoded from a query string as a space.
    private static final Pattern DECODED_PLUS = Pattern.compile(" (\\d{2}(:?\\d{2})?)$");

    public static ReportingPeriod parse(String from, String to, Clock clock) {
        OffsetDateTime start = instant("from", from);
        OffsetDateTime end = instant("to", to);
        if (start == null) {
            YearMonth month = end == null ? YearMonth.now(clock.withZone(ZONE))
                    : YearMonth.from(end.atZoneSameInstant(ZONE).minusNanos(1));
            start = monthStart(month);
        }
        if (end == null) {
            end = monthStart(YearMonth.from(start.atZoneSameInstant(ZONE)).plusMonths(1));
        }
        if (!start.isBefore(end)) {
            throw new HubException(ErrorCode.MALFORMED_REQUEST, "from must be before to");
        }
        return new ReportingPeriod(start, end);
    }

    private static OffsetDateTime monthStart(YearMonth month) {
        return month.atDay(1).atStartOfDay(ZONE).toOffsetDateTime();
    }

    private static OffsetDateTime instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = DECODED_PLUS.matcher(value.strip()).replaceFirst("+$1");
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZONE).toOffsetDateTime();
            }
            if (text.endsWith("Z") || text.matches(".*T.*[+-]\\d{2}(:?\\d{2})?$")) {
                return OffsetDateTime.parse(text);
            }
            return LocalDateTime.parse(text).atZone(ZONE).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw new HubException(ErrorCode.MALFORMED_REQUEST, "The parameter " + name + " must be " + FORMS);
        }
    }
}
