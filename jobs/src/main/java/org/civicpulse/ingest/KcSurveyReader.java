package org.civicpulse.ingest;

import java.io.BufferedReader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicpulse.schema.Reasons;

/**
 * Reads a wave of the Kansas City, MO Resident Satisfaction Survey (CSV, one respondent per row) as feedback: the
 * answer to q3_10 "the city's 311 service" (1 very dissatisfied … 5 very satisfied) becomes an unlinked rating in the
 * respondent's council district. Answer 9 (don't know) is not a rating: the row is quarantined as no_rating, so every
 * respondent stays accounted for.
 */
public final class KcSurveyReader extends HeaderFirstReader {
  /** Source columns used: respondent id, 311 satisfaction, council district, wave code, survey mode. */
  static final List<String> COLUMNS = List.of("id", "q3_10", "counci", "quarte", "method");
  /** Prefix of feedback ids and respondent pseudonym inputs. */
  static final String SOURCE = "kcmo-rs";
  /** The "don't know" code of the survey's satisfaction items. */
  static final String DONT_KNOW = "9";

  // A wave code such as 1QSEP2021: quarter of the city's fiscal year, then the field month and year.
  private static final Pattern WAVE = Pattern.compile("\\dQ([A-Z]{3})(\\d{4})");
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy d", Locale.ENGLISH);
  private static final Map<String, String> CHANNELS = Map.of("web", "web", "phone", "hotline", "mail", "other");

  private final CsvRecordReader csv;
  private CsvColumns cols;

  public KcSurveyReader(BufferedReader in) {
    super(FactHeaders.FEEDBACK);
    this.csv = new CsvRecordReader(in);
  }

  @Override
  RawRecord read() {
    if (cols == null) {
      if (!csv.hasNext()) {
        return null;
      }
      cols = new CsvColumns(csv.next(), "kcsurvey").require(COLUMNS, "kcsurvey");
    }
    if (!csv.hasNext()) {
      return null;
    }
    RawRecord r = csv.next();
    if (r.fields() == null || !r.structuralReasons().isEmpty()) {
      return new RawRecord(r.line(), r.raw(), null, r.structuralReasons());
    }
    if (r.fields().size() != cols.width()) {
      String code = r.fields().size() > cols.width() ? Reasons.TOO_MANY_FIELDS : Reasons.TOO_FEW_FIELDS;
      return new RawRecord(r.line(), r.raw(), null,
          List.of(Reasons.of(code, r.fields().size() + " fields, header has " + cols.width())));
    }
    return map(r);
  }

  private RawRecord map(RawRecord r) {
    List<String> row = r.fields();
    String rating = cols.value(row, "q3_10");
    if (DONT_KNOW.equals(rating)) {
      return new RawRecord(r.line(), r.raw(), null,
          List.of(Reasons.of(Reasons.NO_RATING, "q3_10 = 9 (don't know) is not a rating")));
    }
    String wave = cols.value(row, "quarte");
    String id = cols.value(row, "id");
    // Respondent ids are numbered per wave, so the pseudonym input is scoped by the wave.
    String respondent = SourceValues.joinedOrEmpty("/", SOURCE, wave, id);
    List<String> v = List.of(
        SourceValues.joinedOrEmpty("-", SOURCE, wave, id),
        submittedAt(wave),
        cols.value(row, "counci"),
        "",
        rating,
        CHANNELS.getOrDefault(cols.value(row, "method").toLowerCase(Locale.ROOT), "other"),
        "",
        respondent);
    return new RawRecord(r.line(), r.raw(), v, List.of());
  }

  /**
   * The data hold no answer dates, only the wave: its rating is dated the 15th of the wave's field month, noon
   * local. A wave code that does not parse passes through, so validation quarantines it as bad_timestamp.
   */
  static String submittedAt(String wave) {
    Matcher m = WAVE.matcher(wave);
    if (!m.matches()) {
      return wave;
    }
    String month = m.group(1).charAt(0) + m.group(1).substring(1).toLowerCase(Locale.ROOT);
    try {
      return SourceValues.noon(LocalDate.parse(month + " " + m.group(2) + " 15", MONTH));
    } catch (DateTimeParseException e) {
      return wave;
    }
  }
}
