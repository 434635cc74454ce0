package dev.dbsurveyor.benchmarks;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Databases per second against concurrency, one line per contender, as a PNG. */
final class ThroughputChart {

    private ThroughputChart() {
    }

    static void write(Path file, String title, List<LoadBenchmark.Cell> cells) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Map<String, XYSeries> lines = new LinkedHashMap<>();
        for (LoadBenchmark.Cell cell : cells) {
            lines.computeIfAbsent(cell.contender(), XYSeries::new).add(cell.concurrency(), cell.rate());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        lines.values().forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createXYLineChart(title, "max concurrency", "databases per second", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogAxis concurrency = new LogAxis("max concurrency");
        concurrency.setBase(2);
        concurrency.setTickUnit(new NumberTickUnit(2));
        concurrency.setNumberFormatOverride(new java.text.DecimalFormat("0"));
        plot.setDomainAxis(concurrency);
        LogAxis rate = new LogAxis("databases per second (log)");
        rate.setNumberFormatOverride(new java.text.DecimalFormat("0.#"));
        plot.setRangeAxis(rate);
        plot.setRenderer(new XYLineAndShapeRenderer(true, true));
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setDomainGridlinePaint(java.awt.Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 800, 500);
    }
}
