package vn.lgsp.hub.console;

import java.text.NumberFormat;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.trail.DossierTrail;

/** How the console writes times and numbers: {@code dd/MM/yyyy HH:mm} in Asia/Ho_Chi_Minh, numbers per language. */
@Component("consoleFormat")
public class ConsoleFormat {

    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    public static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

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

    public String millis(Double ms) {
        if (ms == null || ms.isNaN()) {
            return "—";
        }
        NumberFormat format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        format.setMaximumFractionDigits(ms < 10 ? 2 : 0);
        return format.format(ms) + " ms";
    }

    /** A wait as operators read it: 45 s, 12 min, 3 h 20 min, 2 d 4 h. */
    public String age(java.time.Duration d) {
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
