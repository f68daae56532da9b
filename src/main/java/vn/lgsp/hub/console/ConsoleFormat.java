package vn.lgsp.hub.console;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.trail.DossierTrail;

/**
 * How the console writes times and numbers: days {@code dd/MM/yyyy} and times {@code dd/MM/yyyy HH:mm} in
 * Asia/Ho_Chi_Minh in both languages, counts and fractions per language, durations in a unit that needs no
 * thousands separator (a Vietnamese "2.242 ms" reads as two milliseconds; the console writes "2,2 s").
 */
@Component("consoleFormat")
public class ConsoleFormat {

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    public static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    private static final DateTimeFormatter TYPED_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /** A day as the console writes it, and as its date fields take it. */
    public String day(LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    /**
     * A day an operator typed: {@code dd/MM/yyyy} as the console writes days ({@code d/M/yyyy} too) or ISO
     * {@code yyyy-MM-dd} as links and scripts send it; blank is no day. Anything else is a malformed request.
     */
    public static LocalDate parseDay(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String day = text.strip();
        try {
            return day.contains("/") ? LocalDate.parse(day, TYPED_DATE) : LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new HubException(ErrorCode.MALFORMED_REQUEST, "Not a day (dd/MM/yyyy or yyyy-MM-dd): " + day);
        }
    }

    public String at(OffsetDateTime time) {
        return time == null ? "—" : DATE_TIME.format(time.atZoneSameInstant(DossierTrail.ZONE));
    }

    /** With seconds, for a trail whose hops are seconds apart. */
    public String precise(OffsetDateTime time) {
        return time == null ? "—" : DATE_TIME_SECONDS.format(time.atZoneSameInstant(DossierTrail.ZONE));
    }

    public String percent(Double ratio) {
        if (ratio == null || ratio.isNaN()) {
            return "—";
        }
        NumberFormat format = NumberFormat.getPercentInstance(LocaleContextHolder.getLocale());
        format.setMaximumFractionDigits(1);
        return format.format(ratio);
    }

    /**
     * A duration in a unit that needs no thousands separator: {@code 3,25 ms} and {@code 242 ms} below a second,
     * {@code 2,2 s} below a minute, then {@code 3 min 20 s}, and from an hour as {@link #age}.
     */
    public String millis(Number ms) {
        if (ms == null || Double.isNaN(ms.doubleValue())) {
            return "—";
        }
        double value = ms.doubleValue();
        if (value < 999.5) {
            return decimal(value, value < 10 ? 2 : 0) + " ms";
        }
        if (value < 59_950) {
            return decimal(value / 1000, 1) + " s";
        }
        long seconds = Math.round(value / 1000);
        if (seconds < 3600) {
            return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        return age(Duration.ofSeconds(seconds));
    }

    private static String decimal(double value, int fractionDigits) {
        NumberFormat format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        format.setMaximumFractionDigits(fractionDigits);
        return format.format(value);
    }

    /** A wait as operators read it: 45 s, 12 min, 3 h 20 min, 2 d 4 h. */
    public String age(Duration d) {
        if (d == null) {
            return "—";
        }
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86_400) {
            return s / 3600 + " h " + s % 3600 / 60 + " min";
        }
        return s / 86_400 + " d " + s % 86_400 / 3600 + " h";
    }

    public String number(Number n) {
        return n == null ? "—" : NumberFormat.getIntegerInstance(LocaleContextHolder.getLocale()).format(n);
    }
}
