package vn.lgsp.hub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.errors.HubException;

class ReportingPeriodTest {

    // 2026-12-31T20:00Z is already 2027-01-01 03:00 in Asia/Ho_Chi_Minh: the current month is January 2027.
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-31T20:00:00Z"), ReportingPeriod.ZONE);

    @Test
    void noParametersMeanTheCurrentMonthInVietnam() {
        ReportingPeriod period = ReportingPeriod.parse(null, " ", CLOCK);

        assertThat(period.from()).isEqualTo(OffsetDateTime.parse("2027-01-01T00:00:00+07:00"));
        assertThat(period.to()).isEqualTo(OffsetDateTime.parse("2027-02-01T00:00:00+07:00"));
    }

    @Test
    void aDayIsItsStartInVietnamAndAMissingEndIsTheNextMonthsStart() {
        ReportingPeriod period = ReportingPeriod.parse("2026-11-15", null, CLOCK);

        assertThat(period.from()).isEqualTo(OffsetDateTime.parse("2026-11-15T00:00:00+07:00"));
        assertThat(period.to()).isEqualTo(OffsetDateTime.parse("2026-12-01T00:00:00+07:00"));
    }

    @Test
    void aMissingStartIsTheFirstDayOfTheEndsMonth() {
        ReportingPeriod period = ReportingPeriod.parse("", "2026-12-01", CLOCK);

        assertThat(period.from()).isEqualTo(OffsetDateTime.parse("2026-11-01T00:00:00+07:00"));
        assertThat(period.to()).isEqualTo(OffsetDateTime.parse("2026-12-01T00:00:00+07:00"));
    }

    @Test
    void dateTimesAreReadWithOrWithoutOffsetAndWithAPlusDecodedAsASpace() {
        assertThat(ReportingPeriod.parse("2026-12-01T08:30", "2026-12-02T00:00:00Z", CLOCK).from())
                .isEqualTo(OffsetDateTime.parse("2026-12-01T08:30:00+07:00"));
        assertThat(ReportingPeriod.parse("2026-12-01T00:00:00 07:00", "2026-12-02T00:00:00+07:00", CLOCK).from())
                .isEqualTo(OffsetDateTime.parse("2026-12-01T00:00:00+07:00"));
    }

    @Test
    void anythingElseIsRefusedNamingTheParameterAndTheForms() {
        assertThatThrownBy(() -> ReportingPeriod.parse("01/12/2026", null, CLOCK))
                .isInstanceOf(HubException.class)
                .hasMessageContaining("from must be yyyy-MM-dd");
        assertThatThrownBy(() -> ReportingPeriod.parse(null, "2026-13-01", CLOCK))
                .hasMessageContaining("to must be");
        assertThatThrownBy(() -> ReportingPeriod.parse("2026-12-02", "2026-12-01", CLOCK))
                .hasMessageContaining("from must be before to");
    }
}
