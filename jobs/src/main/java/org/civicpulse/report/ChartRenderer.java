package org.civicpulse.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.time.TimeTableXYDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Draws the report's PNG charts with JFreeChart, headless, at 2x pixel density (the page shows them at
 * 1x size, so they stay sharp on high-density screens).
 */
final class ChartRenderer implements AutoCloseable {
  /** Size on the page in CSS pixels; the PNG has twice as many pixels each way. */
  static final int WIDTH = 640;
  static final int HEIGHT = 300;
  static final int SCALE = 2;

  /** Colour-blind-safe palette (Okabe-Ito), so series stay apart in print and for most readers. */
  static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
      new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442), new Color(0x999999)};

  private static final String CJK_FONT = "Noto Sans CJK SC";

  private final StandardChartTheme theme;
  private final String noData;
  private final ExecutorService pool = drawingPool();
  private final List<Future<?>> pending = new ArrayList<>();

  ChartRenderer(String noDataMessage) {
    // Headless is required on servers without a display; set before AWT initialises.
    System.setProperty("java.awt.headless", "true");
    this.noData = noDataMessage;
    String family = fontFamily();
    theme = new StandardChartTheme("civicpulse");
    theme.setExtraLargeFont(new Font(family, Font.BOLD, 15));
    theme.setLargeFont(new Font(family, Font.BOLD, 12));
    theme.setRegularFont(new Font(family, Font.PLAIN, 11));
    theme.setSmallFont(new Font(family, Font.PLAIN, 10));
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setDomainGridlinePaint(new Color(0xE5E7EB));
    theme.setRangeGridlinePaint(new Color(0xE5E7EB));
    theme.setBarPainter(new StandardBarPainter());
    theme.setShadowVisible(false);
  }

  /** One thread per core; idle threads end, so a renderer nobody closed (a page test) leaves none behind. */
  private static ExecutorService drawingPool() {
    int n = Math.max(1, Runtime.getRuntime().availableProcessors());
    ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "chart-writer");
      t.setDaemon(true);
      return t;
    });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** "Noto Sans CJK SC" when installed (clean Chinese glyphs), else the JDK's logical sans font. */
  static String fontFamily() {
    String[] names = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
    return Arrays.asList(names).contains(CJK_FONT) ? CJK_FONT : Font.SANS_SERIF;
  }

  /**
   * A line chart over dates. Series are drawn in map order; the first is thin (daily noise), later
   * ones thicker (smoothed). marker draws a horizontal target line when not null.
   */
  void lines(Path file, String title, String yLabel, LinkedHashMap<String, SortedMap<LocalDate, Double>> series,
      boolean percentAxis, Double marker, String markerLabel) throws IOException {
    TimeSeriesCollection ds = new TimeSeriesCollection();
    for (Map.Entry<String, SortedMap<LocalDate, Double>> e : series.entrySet()) {
      TimeSeries ts = new TimeSeries(e.getKey());
      e.getValue().forEach((d, v) -> ts.addOrUpdate(day(d), v));
      ds.addSeries(ts);
    }
    JFreeChart chart = ChartFactory.createTimeSeriesChart(title, null, yLabel, ds, true, false, false);
    theme.apply(chart);
    XYPlot plot = chart.getXYPlot();
    plot.setNoDataMessage(noData);
    ((DateAxis) plot.getDomainAxis()).setDateFormatOverride(new SimpleDateFormat("MM-dd"));
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    int i = 0;
    for (SortedMap<LocalDate, Double> values : series.values()) {
      r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
      r.setSeriesStroke(i, new BasicStroke(i == 0 ? 1.2f : 2.4f));
      // A value with no neighbour draws no line: a dot keeps a lone day (one survey wave, one rated day) visible.
      if (hasIsolatedValue(values)) {
        r.setSeriesShapesVisible(i, true);
        r.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
      }
      i++;
    }
    plot.setRenderer(r);
    NumberAxis y = (NumberAxis) plot.getRangeAxis();
    y.setAutoRangeIncludesZero(true);
    zeroAxisFromZeroToOne(y, series.values());
    if (percentAxis) {
      y.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
      y.setRange(0.0, 1.05);
    }
    if (marker != null) {
      ValueMarker vm = new ValueMarker(marker, new Color(0xD55E00), new BasicStroke(1.5f,
          BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
      vm.setLabel(markerLabel);
      vm.setLabelFont(theme.getRegularFont());
      vm.setLabelPaint(new Color(0xD55E00));
      vm.setLabelBackgroundColor(new Color(255, 255, 255, 0));
      vm.setLabelAnchor(RectangleAnchor.TOP_LEFT);
      vm.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
      plot.addRangeMarker(vm);
      if (!percentAxis && y.getUpperBound() < marker * 1.1) {
        y.setUpperBound(marker * 1.1);
      }
    }
    write(file, chart);
  }

  /** Stacked areas over dates (backlog by aging bucket); missing values count as 0. */
  void stackedArea(Path file, String title, String yLabel, LinkedHashMap<String, SortedMap<LocalDate, Double>> series)
      throws IOException {
    TimeTableXYDataset ds = new TimeTableXYDataset();
    for (Map.Entry<String, SortedMap<LocalDate, Double>> e : series.entrySet()) {
      e.getValue().forEach((d, v) -> ds.add(day(d), v == null ? 0.0 : v, e.getKey(), false));
    }
    JFreeChart chart = ChartFactory.createStackedXYAreaChart(title, null, yLabel, ds,
        PlotOrientation.VERTICAL, true, false, false);
    theme.apply(chart);
    XYPlot plot = chart.getXYPlot();
    plot.setNoDataMessage(noData);
    DateAxis x = new DateAxis();
    x.setDateFormatOverride(new SimpleDateFormat("MM-dd"));
    x.setTickLabelFont(theme.getSmallFont());
    plot.setDomainAxis(x);
    StackedXYAreaRenderer2 r = new StackedXYAreaRenderer2();
    for (int i = 0; i < ds.getSeriesCount(); i++) {
      r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
    }
    plot.setRenderer(r);
    zeroAxisFromZeroToOne((NumberAxis) plot.getRangeAxis(), series.values());
    write(file, chart);
  }

  /** True when some value has no value on the day before nor the day after, so a line alone would not show it. */
  static boolean hasIsolatedValue(SortedMap<LocalDate, Double> values) {
    for (Map.Entry<LocalDate, Double> e : values.entrySet()) {
      if (e.getValue() != null && values.get(e.getKey().minusDays(1)) == null && values.get(e.getKey().plusDays(1)) == null) {
        return true;
      }
    }
    return false;
  }

  /**
   * All values 0 or missing (a feedback-only lake has no requests): JFreeChart's auto range would then span
   * ±5E-9; show 0 … 1 with whole-number ticks instead.
   */
  static void zeroAxisFromZeroToOne(NumberAxis y, java.util.Collection<SortedMap<LocalDate, Double>> series) {
    boolean allZero = series.stream().flatMap(m -> m.values().stream())
        .allMatch(v -> v == null || v.isNaN() || v == 0.0);
    if (allZero) {
      y.setRange(0.0, 1.0);
      y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }
  }

  /** Horizontal bars, one per label, in map order (channel mix). */
  void bars(Path file, String title, String valueLabel, String seriesName, LinkedHashMap<String, Double> values)
      throws IOException {
    DefaultCategoryDataset ds = new DefaultCategoryDataset();
    values.forEach((k, v) -> ds.addValue(v, seriesName, k));
    JFreeChart chart = ChartFactory.createBarChart(title, null, valueLabel, ds, PlotOrientation.HORIZONTAL,
        false, false, false);
    theme.apply(chart);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setNoDataMessage(noData);
    BarRenderer r = (BarRenderer) plot.getRenderer();
    r.setSeriesPaint(0, PALETTE[0]);
    r.setMaximumBarWidth(0.12);
    write(file, chart);
  }

  /** One point of a fan chart's forecast: the median and its 80 % and 95 % bounds (bounds may be null). */
  record FanPoint(LocalDate week, double forecast, Double lo80, Double hi80, Double lo95, Double hi95) {}

  /**
   * A fan chart over weeks: the history as a line, then the forecast line with its 95 % band (light) and
   * 80 % band (darker); missing bounds collapse onto the forecast.
   */
  void fan(Path file, String title, String yLabel, String historyName, SortedMap<LocalDate, Double> history,
      String forecastName, java.util.List<FanPoint> forecast, String band80, String band95) throws IOException {
    YIntervalSeriesCollection ds = new YIntervalSeriesCollection();
    YIntervalSeries s95 = new YIntervalSeries(band95);
    YIntervalSeries s80 = new YIntervalSeries(band80);
    YIntervalSeries f = new YIntervalSeries(forecastName);
    YIntervalSeries h = new YIntervalSeries(historyName);
    history.forEach((d, v) -> h.add(millis(d), v, v, v));
    for (FanPoint p : forecast) {
      double x = millis(p.week());
      double y = p.forecast();
      s95.add(x, y, p.lo95() == null ? y : p.lo95(), p.hi95() == null ? y : p.hi95());
      s80.add(x, y, p.lo80() == null ? y : p.lo80(), p.hi80() == null ? y : p.hi80());
      f.add(x, y, y, y);
    }
    ds.addSeries(s95);
    ds.addSeries(s80);
    ds.addSeries(h);
    ds.addSeries(f);
    JFreeChart chart = ChartFactory.createTimeSeriesChart(title, null, yLabel, ds, true, false, false);
    theme.apply(chart);
    XYPlot plot = chart.getXYPlot();
    plot.setNoDataMessage(noData);
    // Months over two years of history; days when only a few weeks exist (months would repeat).
    boolean longSpan = history.isEmpty() || history.firstKey().plusDays(200).isBefore(history.lastKey());
    ((DateAxis) plot.getDomainAxis()).setDateFormatOverride(new SimpleDateFormat(longSpan ? "yyyy-MM" : "MM-dd"));
    DeviationRenderer r = new DeviationRenderer(true, false);
    Color band = PALETTE[0];
    r.setSeriesPaint(0, band);
    r.setSeriesFillPaint(0, new Color(band.getRed(), band.getGreen(), band.getBlue(), 50));
    r.setSeriesStroke(0, new BasicStroke(0f));
    r.setSeriesPaint(1, band);
    r.setSeriesFillPaint(1, new Color(band.getRed(), band.getGreen(), band.getBlue(), 90));
    r.setSeriesStroke(1, new BasicStroke(0f));
    r.setSeriesPaint(2, new Color(0x444444));
    r.setSeriesStroke(2, new BasicStroke(1.2f));
    r.setSeriesPaint(3, PALETTE[5]);
    r.setSeriesStroke(3, new BasicStroke(2.4f));
    r.setAlpha(1.0f);
    plot.setRenderer(r);
    // Bands have no line of their own, so the legend shows filled swatches for them.
    org.jfree.chart.LegendItemCollection legend = new org.jfree.chart.LegendItemCollection();
    java.awt.Shape box = new java.awt.Rectangle(-6, -5, 12, 10);
    legend.add(new org.jfree.chart.LegendItem(historyName, null, null, null,
        new java.awt.geom.Line2D.Double(-7, 0, 7, 0), new BasicStroke(2f), new Color(0x444444)));
    legend.add(new org.jfree.chart.LegendItem(forecastName, null, null, null,
        new java.awt.geom.Line2D.Double(-7, 0, 7, 0), new BasicStroke(3f), PALETTE[5]));
    legend.add(new org.jfree.chart.LegendItem(band80, (Color) r.getSeriesFillPaint(1)));
    legend.add(new org.jfree.chart.LegendItem(band95, (Color) r.getSeriesFillPaint(0)));
    for (int i = 2; i < legend.getItemCount(); i++) {
      legend.get(i).setShape(box);
    }
    plot.setFixedLegendItems(legend);
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
    write(file, chart);
  }

  /** A community on the funnel plot: its label, closed requests and wait index; {@code ranked} = enough closures. */
  record FunnelPoint(String label, double closed, double waitIndex, boolean ranked) {}

  /**
   * A funnel plot: each community's wait index against its closed requests, the city's 1 as a line, and the
   * limits center · exp(±z · √(sd² / n + tau2)) at z = 1.96 (95 %) and z = 3 (99.8 %) over the range of n.
   * Communities under the minimum are grey.
   */
  void funnel(Path file, String title, String xLabel, String yLabel, List<FunnelPoint> points, double center,
      double sd, double tau2,
      String rankedName, String unrankedName, String limit95, String limit998) throws IOException {
    org.jfree.data.xy.XYSeriesCollection ds = new org.jfree.data.xy.XYSeriesCollection();
    org.jfree.data.xy.XYSeries ranked = new org.jfree.data.xy.XYSeries(rankedName, false, true);
    org.jfree.data.xy.XYSeries unranked = new org.jfree.data.xy.XYSeries(unrankedName, false, true);
    List<String> rankedLabels = new ArrayList<>();
    List<String> unrankedLabels = new ArrayList<>();
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (FunnelPoint p : points) {
      (p.ranked() ? ranked : unranked).add(p.closed(), p.waitIndex());
      (p.ranked() ? rankedLabels : unrankedLabels).add(p.label());
      lo = Math.min(lo, Math.max(1, p.closed()));
      hi = Math.max(hi, p.closed());
    }
    ds.addSeries(ranked);
    ds.addSeries(unranked);
    String[] names = {limit95, limit95 + " ", limit998, limit998 + " "};
    double[] zs = {1.96, -1.96, 3, -3};
    for (int k = 0; k < 4; k++) {
      org.jfree.data.xy.XYSeries limit = new org.jfree.data.xy.XYSeries(names[k], false, true);
      if (hi > 0 && sd > 0) {
        for (int i = 0; i <= 60; i++) {
          double n = lo * Math.pow(hi * 1.1 / lo, i / 60.0);
          limit.add(n, center * Math.exp(zs[k] * Math.sqrt(sd * sd / n + tau2)));
        }
      }
      ds.addSeries(limit);
    }
    JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, ds, PlotOrientation.VERTICAL, true,
        false, false);
    theme.apply(chart);
    XYPlot plot = chart.getXYPlot();
    plot.setNoDataMessage(noData);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
    java.awt.Shape dot = new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8);
    for (int k = 0; k < 2; k++) {
      r.setSeriesLinesVisible(k, false);
      r.setSeriesShapesVisible(k, true);
      r.setSeriesShape(k, dot);
      r.setSeriesPaint(k, k == 0 ? PALETTE[0] : PALETTE[7]);
      r.setSeriesItemLabelsVisible(k, true);
    }
    r.setDefaultItemLabelGenerator((data, series, item) ->
        series == 0 ? rankedLabels.get(item) : series == 1 ? unrankedLabels.get(item) : null);
    r.setDefaultItemLabelFont(theme.getSmallFont());
    for (int k = 2; k < 6; k++) {
      r.setSeriesShapesVisible(k, false);
      r.setSeriesPaint(k, k < 4 ? PALETTE[1] : PALETTE[5]);
      r.setSeriesStroke(k, new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
          k < 4 ? new float[] {6f, 4f} : new float[] {2f, 3f}, 0f));
      // One legend entry per pair of limits.
      r.setSeriesVisibleInLegend(k, k % 2 == 0);
    }
    plot.setRenderer(r);
    plot.addRangeMarker(new ValueMarker(1.0, new Color(0x444444), new BasicStroke(1f)));
    NumberAxis y = (NumberAxis) plot.getRangeAxis();
    y.setAutoRangeIncludesZero(false);
    // Room on the left for the label of the community with the fewest closures.
    plot.getDomainAxis().setLowerMargin(0.12);
    write(file, chart);
  }

  private static double millis(LocalDate d) {
    return day(d).getFirstMillisecond();
  }

  private static Day day(LocalDate d) {
    return new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear());
  }

  /**
   * Drawing and encoding a chart is most of a report's own work (~100 charts): it runs on the pool while the
   * caller goes on building pages. Each chart is drawn by one thread from objects no other chart shares, so
   * the PNG is the same bytes as drawn in line.
   */
  private void write(Path file, JFreeChart chart) throws IOException {
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    Files.createDirectories(file.getParent());
    pending.add(pool.submit(() -> {
      try (OutputStream out = Files.newOutputStream(file)) {
        ChartUtils.writeScaledChartAsPNG(out, chart, WIDTH, HEIGHT, SCALE, SCALE);
      }
      return null;
    }));
  }

  /** Waits until every chart asked for so far is on disk; the first chart that failed fails the report. */
  void finish() throws IOException {
    try {
      for (Future<?> f : pending) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing charts", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("a chart could not be drawn: " + e.getCause(), e.getCause());
    } finally {
      pending.clear();
    }
  }

  /**
   * Stops the drawing threads; charts not yet drawn are abandoned (the report failed before finish()). Waits
   * for a chart being written, so that nothing writes into the staging folder after the caller removed it.
   */
  @Override
  public void close() {
    pool.shutdownNow();
    try {
      pool.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
