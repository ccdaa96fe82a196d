package org.civicpulse.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a generated report back the way a person reads it: each card's table (header and cell texts, unescaped)
 * with the CSV file its download link names, the KPI tiles, and the page's visible text.
 */
final class ReportPages {
  private static final Pattern CARD = Pattern.compile("<section class=\"card\" id=\"([^\"]*)\">(.*?)</section>",
      Pattern.DOTALL);
  private static final Pattern TABLE = Pattern.compile("<table>(.*?)</table>", Pattern.DOTALL);
  private static final Pattern ROW = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);
  private static final Pattern CELL = Pattern.compile("<t[dh][^>]*>(.*?)</t[dh]>", Pattern.DOTALL);
  private static final Pattern LINK = Pattern.compile("href=\"data/([^\"]+\\.csv)\"");
  private static final Pattern TILE = Pattern.compile(
      "<div class=\"tile [a-z]+\" data-metric=\"([a-z0-9_]+)\"><div class=\"label\">[^<]*</div><div class=\"value\">([^<]*)</div>");

  /** One table of a card: its id, the CSV its link names (null if none), header and body rows as shown. */
  record ShownTable(String page, String card, String csv, List<String> header, List<List<String>> rows) {}

  private ReportPages() {}

  static List<ShownTable> tables(Path page) throws IOException {
    String html = Files.readString(page, StandardCharsets.UTF_8);
    List<ShownTable> out = new ArrayList<>();
    Matcher card = CARD.matcher(html);
    while (card.find()) {
      String body = card.group(2);
      Matcher link = LINK.matcher(body);
      String csv = link.find() ? link.group(1) : null;
      Matcher t = TABLE.matcher(body);
      while (t.find()) {
        String[] parts = t.group(1).split("<tbody>", 2);
        out.add(new ShownTable(page.getFileName().toString(), card.group(1), csv, cells(parts[0]).get(0),
            cells(parts[1])));
      }
    }
    return out;
  }

  private static List<List<String>> cells(String rowsHtml) {
    List<List<String>> rows = new ArrayList<>();
    Matcher r = ROW.matcher(rowsHtml);
    while (r.find()) {
      List<String> row = new ArrayList<>();
      Matcher c = CELL.matcher(r.group(1));
      while (c.find()) {
        row.add(text(c.group(1)));
      }
      rows.add(row);
    }
    return rows;
  }

  /** metric → value text of the KPI tiles on a page. */
  static Map<String, String> tiles(Path page) throws IOException {
    Map<String, String> out = new HashMap<>();
    Matcher m = TILE.matcher(Files.readString(page, StandardCharsets.UTF_8));
    while (m.find()) {
      out.put(m.group(1), text(m.group(2)));
    }
    return out;
  }

  /** Markup removed, entities decoded: what a reader sees of a fragment. */
  static String text(String html) {
    return html.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&amp;", "&");
  }

  /** Every text node of a page outside its style sheet, and every tooltip and image text, decoded. */
  static List<String> textNodes(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile(">([^<]+)<|\\s(?:title|alt)=\"([^\"]*)\"")
        .matcher(html.replaceAll("(?s)<style>.*?</style>", ""));
    while (m.find()) {
      String t = text(m.group(1) != null ? m.group(1) : m.group(2)).strip();
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  /** A report CSV (UTF-8 with BOM, header row) as records by column name. */
  static List<CSVRecord> csv(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int bom = r.read();
      if (bom != '\uFEFF') {
        throw new IllegalStateException(file + " has no byte-order mark");
      }
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
    }
  }
}
