package org.civicpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mapping init's draft, mapping check's findings and reference infer's files on hand-written exports (CityExports). */
class CityOnboardingTest {
  @TempDir Path tmp;

  private String draft(String text, String zone) throws IOException {
    return new MappingDraft(ExportSample.read(CityExports.write(tmp, "export.csv", text), 1000), zone).render();
  }

  @Test
  void theDraftNamesEachFieldsColumnTheTimeFormatAndEveryStatusAndChannelSeen() throws IOException {
    String d = draft(CityExports.RIVERTON, null);
    assertThat(d).contains("# Looked at the header and 8 rows (the whole file).")
        .contains("# request_id: confidence high (name and content: 8 distinct in 8 rows, 0 empty)\ncolumn.request_id=Case\\ Number\n")
        .contains("column.created_at=Date\\ Opened\n").contains("column.closed_at=Date\\ Closed\n")
        .contains("column.status=Case\\ Status\n").contains("column.channel=Source\n")
        .contains("column.category=Request\\ Type\n")
        .contains("# community_id: confidence high (name and content: 2 distinct in 8 rows, 1 empty)\ncolumn.community_id=Ward\n")
        .contains("column.lat=Lat\n").contains("column.lon=Long\n").contains("column.description=Details\n")
        .contains("# updated_at: UNRESOLVED, no column looks like updated_at (optional)\n# column.updated_at=\n")
        .contains("# due_at: UNRESOLVED");
    // 8 created + 4 closed times; 04/13 can only be month-first.
    assertThat(d).contains("# Times (Date Opened, Date Closed): parses 12 of 12 sampled values\ntime_format=M/d/yyyy h:mm:ss a\n")
        .contains("# time_zone=   (REQUIRED, CONFIRM:").doesNotContain("\ntime_zone=");
    assertThat(d).contains("# 'Closed': 3 rows, guessed\nstatus.Closed=closed\n# 'Open': 2 rows, guessed\nstatus.Open=open\n"
        + "# 'Cancelled': 1 row, guessed\nstatus.Cancelled=rejected\n# 'Closed (Duplicate)': 1 row, guessed\n"
        + "status.Closed\\ (Duplicate)=duplicate\n# 'In Progress': 1 row, guessed\nstatus.In\\ Progress=in_progress\n");
    assertThat(d).contains("# 'Phone': 3 rows, guessed\nchannel.Phone=hotline\n# 'Mobile App': 2 rows, guessed\n"
        + "channel.Mobile\\ App=app\n# 1 row with no channel: channel.* below covers them\n# 'Walk In': 1 row, guessed\n"
        + "channel.Walk\\ In=walk_in\n# 'Web Portal': 1 row, guessed\nchannel.Web\\ Portal=web\n"
        + "# every other channel value, and an empty one\nchannel.*=other\n");
    assertThat(d).contains("# category: 5 distinct values of Request Type in the sample.");
  }

  @Test
  void dayFirstTimesAZoneWithDaylightSavingAndWordsWithoutAGuess() throws IOException {
    String d = draft(CityExports.WESTBURY, "Europe/London");
    assertThat(d).contains("column.request_id=Reference\n").contains("column.community_id=Area\n")
        .contains("column.category=Category\n").contains("column.channel=Channel\n")
        .contains("# Times (Reported, Completed): parses 6 of 6 sampled values\ntime_format=d/M/yyyy H:mm\n")
        .contains("time_zone=Europe/London\n")
        .contains("status.Resolved=closed\n").contains("status.New=open\n").contains("status.Acknowledged=assigned\n")
        .contains("channel.Telephone=hotline\n").contains("channel.Online\\ form=web\n")
        .contains("column.created_at=Reported\n").contains("column.closed_at=Completed\n")
        .contains("# 'Councillor': 1 row, NO GUESS: choose one of").contains("# channel.Councillor=\n");
  }

  @Test
  void theDraftAsWrittenReadsADaylightSavingGapInTheCitysZone() throws IOException {
    Path export = CityExports.write(tmp, "westbury.csv", CityExports.WESTBURY);
    Path mapping = CityExports.write(tmp, "westbury.properties", draft(CityExports.WESTBURY, "Europe/London"));
    City311Mapping m = City311Mapping.load(mapping);
    // 28/03/2021 01:30 does not exist in London (clocks go 01:00 → 02:00): it is read as 02:30 BST, as java.time
    // resolves a gap, and the request stays valid; its close at 03:10 BST comes 40 minutes later.
    List<RawRecord> rows = new ArrayList<>();
    new City311Reader(new BufferedReader(new StringReader(CityExports.WESTBURY)), m).forEachRemaining(rows::add);
    assertThat(rows.get(3).fields().get(City311Reader.HEADER.indexOf("created_at"))).isEqualTo("2021-03-28T02:30:00+01:00");
    assertThat(rows.get(1).fields().get(City311Reader.HEADER.indexOf("created_at"))).as("day first: 1 April, summer time")
        .isEqualTo("2021-04-01T08:00:00+01:00");
    MappingCheck.Result r = MappingCheck.run(m, List.of(export), null, null);
    assertThat(r.valid()).as("all four rows").isEqualTo(4);
    assertThat(r.first()).isEqualTo(LocalDate.of(2021, 3, 28));
    assertThat(r.last()).isEqualTo(LocalDate.of(2021, 5, 5));
  }

  @Test
  void ambiguousDayOrderAndUnknownColumnsAreSaidNotGuessed() throws IOException {
    assertThat(TimeFormatGuess.guess(List.of("01/02/2021 08:00", "03/04/2021 09:00")).note())
        .contains("AMBIGUOUS: no sampled day above 12 tells month/day from day/month: month first assumed");
    String d = draft(CityExports.OPAQUE, null);
    assertThat(d).contains("# request_id: UNRESOLVED, no column looks like request_id (REQUIRED: name the column)\n"
        + "# column.request_id=\n").contains("# created_at: UNRESOLVED").contains("# time_format=   (REQUIRED");
    assertThatThrownBy(() -> ExportSample.read(tmp.resolve("missing.csv"), 10)).isInstanceOf(InputException.class)
        .hasMessage("no such file: " + tmp.resolve("missing.csv"));
  }

  private City311Mapping rivertonMapping(String extra) throws IOException {
    return City311Mapping.load(CityExports.write(tmp, "riverton.properties", """
        column.request_id=Case Number
        column.created_at=Date Opened
        column.closed_at=Date Closed
        column.status=Case Status
        column.channel=Source
        column.category=Request Type
        column.community_id=Ward
        column.description=Details
        time_format=M/d/yyyy h:mm:ss a
        time_zone=America/Chicago
        status.Closed=closed
        status.Open=open
        channel.Phone=hotline
        channel.*=other
        """ + extra));
  }

  @Test
  void checkCountsWhatTheMappingLeavesOpenAndWhatIngestWouldQuarantine() throws IOException {
    Path export = CityExports.write(tmp, "riverton.csv", CityExports.RIVERTON);
    City311Mapping m = rivertonMapping("category.prefix.SW-=sanitation\n");
    MappingCheck.Result r = MappingCheck.run(m, List.of(export), Set.of("1", "2"), Set.of("sanitation", "Pothole"));
    assertThat(r.read()).isEqualTo(8);
    // Unmapped statuses pass through lower-cased: 'closed (duplicate)', 'in progress', 'cancelled' → bad_enum (3 rows);
    // R-5 has no ward → area "all", unknown; Streetlight Out and Graffiti are in no categories.csv; R-8 is closed
    // without a close time.
    assertThat(r.unmapped().get("status")).containsExactlyInAnyOrderEntriesOf(
        Map.of("closed (duplicate)", 1L, "in progress", 1L, "cancelled", 1L));
    assertThat(r.unmapped().get("channel")).isEmpty();
    assertThat(r.unmapped().get("category")).containsExactlyInAnyOrderEntriesOf(Map.of("Streetlight Out", 1L, "Graffiti", 1L));
    assertThat(r.unmapped().get("community_id")).containsExactlyInAnyOrderEntriesOf(Map.of("all", 1L));
    assertThat(r.noArea()).isEqualTo(1);
    assertThat(r.reasons()).containsEntry("bad_enum", 3L).containsEntry("unknown_category", 2L)
        .containsEntry("unknown_community", 1L).containsEntry("closed_without_closed_at", 1L);
    // Valid: R-1 (sanitation), R-2 (sanitation); every other row has a reason.
    assertThat(r.valid()).isEqualTo(2);
    assertThat(r.first()).isEqualTo(LocalDate.of(2018, 4, 2));
    assertThat(r.last()).isEqualTo(LocalDate.of(2018, 4, 13));
    String text = MappingCheck.render(r, 20);
    assertThat(text).startsWith("rows: 8 read, 2 would be curated, 6 would be quarantined (75.0 %)\n"
        + "requests span: 2018-04-02 … 2018-04-13 (local days of created_at)\n"
        + "no area: 1 rows (12.5 %) have an empty area column and go to the single area \"all\"\n")
        .contains("status: 3 value(s) not covered, add status.<value>=<status> lines (else: bad_enum)\n")
        .doesNotContain("not checked against reference files");
    assertThat(MappingCheck.render(MappingCheck.run(m, List.of(export), null, null), 20))
        .contains("areas and categories: not checked against reference files");
  }

  @Test
  void groupingRulesExactThenLongestPrefixThenOrderedRegexAndTheCityTypeStaysInTheDescription() throws IOException {
    City311Mapping m = rivertonMapping("""
        category.Pothole=roads
        category.prefix.SW-=sanitation
        category.prefix.SW-Bulky=bulky
        category.regex.20=.*Light.* -> lighting
        category.regex.10=(?i)street.* -> streets
        """);
    assertThat(m.category("Pothole")).isEqualTo("roads");
    assertThat(m.category("SW-Missed Trash")).isEqualTo("sanitation");
    assertThat(m.category("SW-Bulky Pickup")).as("longest prefix").isEqualTo("bulky");
    assertThat(m.category("Streetlight Out")).as("rule 10 before rule 20").isEqualTo("streets");
    assertThat(m.category("Park Light")).isEqualTo("lighting");
    assertThat(m.category("Graffiti")).as("no rule: as it is").isEqualTo("Graffiti");
    List<RawRecord> rows = new ArrayList<>();
    new City311Reader(new BufferedReader(new StringReader(CityExports.RIVERTON)), m).forEachRemaining(rows::add);
    int cat = City311Reader.HEADER.indexOf("category");
    int desc = City311Reader.HEADER.indexOf("description");
    assertThat(rows.get(1).fields().get(cat)).isEqualTo("bulky");
    assertThat(rows.get(1).fields().get(desc)).isEqualTo("[SW-Bulky Pickup] couch");
    assertThat(rows.get(2).fields().get(desc)).as("empty details").isEqualTo("[SW-Missed Trash]");
    assertThat(rows.get(5).fields().get(desc)).as("quoted newline kept").isEqualTo("[Pothole] deep hole\nnear the school");
    assertThat(rows.get(6).fields().get(desc)).as("not grouped: nothing added").isEmpty();
    assertThatThrownBy(() -> rivertonMapping("category.regex.x=a -> b\n")).isInstanceOf(InputException.class)
        .hasMessageEndingWith("category.regex.x: the part after category.regex. must be a number (the rule's order)");
    assertThatThrownBy(() -> rivertonMapping("category.regex.1=(unclosed -> b\n")).isInstanceOf(InputException.class)
        .hasMessageContaining("category.regex.1: bad regular expression");
    assertThatThrownBy(() -> rivertonMapping("category.regex.1=no arrow\n")).isInstanceOf(InputException.class)
        .hasMessageContaining("must read '<regular expression> -> <category>'");
  }

  @Test
  void inferWritesEveryAreaAndCategoryAndARerunKeepsEditsAndAddsWhatIsNew() throws IOException {
    City311Mapping m = rivertonMapping("category.prefix.SW-=sanitation\n");
    Path out = tmp.resolve("ref");
    List<ReferenceInference.Outcome> first = ReferenceInference.infer(m,
        List.of(CityExports.write(tmp, "riverton.csv", CityExports.RIVERTON)), out);
    assertThat(first).extracting(ReferenceInference.Outcome::added).containsExactly(3, 4); // 1, 2, all; 4 categories
    String communities = Files.readString(out.resolve("communities.csv"), StandardCharsets.UTF_8);
    assertThat(communities).startsWith("# communities.csv written by `civicpulse reference infer`")
        .endsWith("community_id,name,name_zh,district,street,population,households,area_km2\n1,1,,,,,,\n2,2,,,,,,\nall,all,,,,,,\n");
    assertThat(Files.readString(out.resolve("categories.csv"), StandardCharsets.UTF_8)).endsWith(
        "category,name_en,name_zh,sla_hours,default_provider_type\nGraffiti,Graffiti,,,\nPothole,Pothole,,,\n"
            + "Streetlight Out,Streetlight Out,,,\nsanitation,sanitation,,,\n");
    // The user names ward 1 and gives it a population; a later export brings ward 3.
    Files.writeString(out.resolve("communities.csv"), communities.replace("\n1,1,,,,,,\n", "\n1,\"Ward 1, north\",,,,5200,,\n"));
    List<ReferenceInference.Outcome> again = ReferenceInference.infer(m, List.of(CityExports.write(tmp, "later.csv",
        "Case Number,Date Opened,Date Closed,Case Status,Source,Request Type,Ward,Lat,Long,Details\n"
            + "R-9,05/01/2018 09:00:00 AM,,Open,Phone,Pothole,3,,,\n")), out);
    assertThat(again.get(0)).extracting(ReferenceInference.Outcome::kept, ReferenceInference.Outcome::added).containsExactly(3, 1);
    assertThat(Files.readString(out.resolve("communities.csv"), StandardCharsets.UTF_8))
        .endsWith("\n1,\"Ward 1, north\",,,,5200,,\n2,2,,,,,,\nall,all,,,,,,\n3,3,,,,,,\n");
    // The comment lines are skipped by the landing reader: the first record is the header.
    try (BufferedReader in = Files.newBufferedReader(out.resolve("communities.csv"))) {
      RawRecord header = new CsvRecordReader(in).next();
      assertThat(header.fields()).startsWith("community_id", "name");
      assertThat(header.line()).as("physical line, comments counted").isEqualTo(5);
    }
  }
}
