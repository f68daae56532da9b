package vn.lgsp.hub.catalogue;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Statutory processing times count working days: Saturdays and Sundays (Vietnam time) are skipped. Public
 * holidays are not known to the hub yet, so a due date across Tết is early by the holidays it spans.
 */
public final class WorkingDays {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private WorkingDays() {
    }

    /** The moment {@code days} working days after {@code from}, at the same time of day (0: {@code from} itself). */
    public static OffsetDateTime after(OffsetDateTime from, int days) {
        ZonedDateTime t = from.atZoneSameInstant(ZONE);
        for (int counted = 0; counted < days; ) {
            t = t.plusDays(1);
            if (t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return t.toOffsetDateTime();
    }
}
