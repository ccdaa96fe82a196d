package org.civicpulse.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small hand-written city exports in shapes other than the shipped mappings', for the onboarding tools: other header
 * names, 12-hour and day-first times, a zone with daylight saving, a quoted newline, statuses and channels in a
 * city's own words. Each is small enough that every count in the tests is read off the text below.
 */
public final class CityExports {
  private CityExports() {}

  /**
   * "Riverton": 12-hour month-first times (one day above 12 decides the order), America/Chicago; 8 rows. Status
   * words: Closed ×3, Closed (Duplicate), In Progress, Open ×2, Cancelled. Sources: Phone ×3, Mobile App ×2,
   * Web Portal, Walk In, blank. Wards 1, 2, and one blank. Row R-5 has a newline inside its quoted details; row R-8
   * is closed but has no close time.
   */
  public static final String RIVERTON = """
      Case Number,Date Opened,Date Closed,Case Status,Source,Request Type,Ward,Lat,Long,Details
      R-1,04/02/2018 09:15:00 AM,04/03/2018 01:00:00 PM,Closed,Phone,SW-Bulky Pickup,1,38.61,-90.20,couch
      R-2,04/13/2018 11:11:26 AM,04/14/2018 08:00:00 AM,Closed,Mobile App,SW-Missed Trash,2,38.62,-90.21,
      R-3,04/13/2018 02:30:00 PM,04/13/2018 03:00:00 PM,Closed (Duplicate),Phone,Pothole,1,38.63,-90.22,dup of R-2
      R-4,04/14/2018 10:00:00 AM,,In Progress,Web Portal,Streetlight Out,2,38.64,-90.23,
      R-5,04/15/2018 06:45:00 PM,,Open,Mobile App,Pothole,,38.65,-90.24,"deep hole
      near the school"
      R-6,04/16/2018 07:00:00 AM,,Open,Walk In,Graffiti,1,38.66,-90.25,
      R-7,04/16/2018 08:00:00 AM,04/16/2018 09:00:00 AM,Cancelled,Phone,Pothole,2,38.67,-90.26,
      R-8,04/17/2018 12:05:00 PM,,Closed,,SW-Bulky Pickup,1,38.68,-90.27,
      """;

  /** "Westbury": day-first 24-hour times, Europe/London, other names; 4 rows; 13/04 decides day-first. */
  static final String WESTBURY = """
      Reference,Reported,Completed,Status,Channel,Category,Area
      W1,01/04/2021 08:00,02/04/2021 09:30,Resolved,Telephone,Fly-tipping,North
      W2,13/04/2021 14:05,,New,Online form,Fly-tipping,South
      W3,28/03/2021 01:30,28/03/2021 03:10,Resolved,Telephone,Noise,North
      W4,05/05/2021 17:00,,Acknowledged,Councillor,Noise,South
      """;

  /** Only days up to 12: month-first and day-first both parse every value. */
  static final String AMBIGUOUS = """
      id,created,status
      A1,01/02/2021 08:00,open
      A2,03/04/2021 09:00,closed
      """;

  /** Nothing here says which column is the request id or the creation time. */
  static final String OPAQUE = """
      Ticket Ref Text,When,What,Where
      T1,yesterday,Noise,North
      T1,today,Noise,North
      """;

  public static Path write(Path dir, String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }
}
