package org.civicpulse.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.civicpulse.forecast.models.IsoWeek;
import org.junit.jupiter.api.Test;

/** Holiday weeks from the shipped tables, checked against the 2024 calendars by hand. */
class HolidayWeeksTest {
  @Test
  void chinaFlagsWeeksWithAWeekdayOffButNotWeekendHolidaysOrMakeUpDays() {
    Set<IsoWeek> cn = HolidayWeeks.forCountry("CN");
    // Spring Festival 2024: Sat 10 and Sun 11 Feb (W06) remove no working day; Mon 12–Fri 16 (W07) do.
    // Sun 4 Feb (W05) is a make-up working day: not a day off.
    assertThat(cn).contains(IsoWeek.parse("2024-W07"), IsoWeek.parse("2024-W01"))
        .doesNotContain(IsoWeek.parse("2024-W05"), IsoWeek.parse("2024-W06"), IsoWeek.parse("2024-W08"));
  }

  @Test
  void theUnitedStatesHaveElevenHolidayWeeksIn2024() {
    // Jan 1, Jan 15, Feb 19, May 27, Jun 19, Jul 4, Sep 2, Oct 14, Nov 11, Nov 28, Dec 25: all weekdays,
    // all in different ISO weeks.
    Set<IsoWeek> us = HolidayWeeks.forCountry("us");
    assertThat(us.stream().filter(w -> w.year() == 2024).sorted().map(IsoWeek::toString).toList()).containsExactly(
        "2024-W01", "2024-W03", "2024-W08", "2024-W22", "2024-W25", "2024-W27", "2024-W36", "2024-W42", "2024-W46",
        "2024-W48", "2024-W52");
  }

  @Test
  void noneGivesNoWeeks() {
    assertThat(HolidayWeeks.forCountry("none")).isEmpty();
    assertThat(HolidayWeeks.forCountry(null)).isEmpty();
  }
}
