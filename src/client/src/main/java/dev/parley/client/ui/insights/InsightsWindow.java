package dev.parley.client.ui.insights;

import atlantafx.base.theme.Styles;
import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.SaveLocation;
import dev.parley.protocol.Insights;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The insights window (account menu → Insights…): the period chooser, the figures as tiles by section, messages
 * sent and received per day as a line chart, and the busiest hours as a heat map; Export CSV saves what it shows.
 * It stays open beside the main window.
 */
public final class InsightsWindow {
    private final InsightsViewModel model;
    private final SaveLocation saveLocation;
    private final Stage stage = new Stage();

    @FXML private HBox periodButtons;
    @FXML private HBox customDates;
    @FXML private DatePicker fromPicker;
    @FXML private DatePicker toPicker;
    @FXML private Button refreshButton;
    @FXML private Button exportButton;
    @FXML private Label rangeLabel;
    @FXML private Label exportStatus;
    @FXML private ScrollPane scroller;
    @FXML private Label problemLabel;
    @FXML private FlowPane tileSections;
    @FXML private LineChart<Number, Number> dayChart;
    @FXML private NumberAxis dayAxis;
    @FXML private NumberAxis countAxis;
    @FXML private Label heatMapSubtitle;
    @FXML private GridPane heatMap;
    @FXML private HBox heatLegend;
    @FXML private VBox loadingPane;

    public InsightsWindow(Window owner, InsightsViewModel model, SaveLocation saveLocation) {
        this.model = model;
        this.saveLocation = saveLocation;
        Parent root = ViewLoader.load(FxmlView.INSIGHTS, this);
        Scene scene = new Scene(root, 1100, 780);
        scene.getStylesheets().add(ViewLoader.stylesheet("app.css"));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), stage::close);
        stage.initOwner(owner);
        stage.setTitle(ViewLoader.text("insights.title"));
        stage.setMinWidth(960);
        stage.setMinHeight(520);
        stage.setScene(scene);
    }

    /** Shows the window and reads the first period. */
    public void show() {
        stage.show();
        model.load();
    }

    public Stage stage() {
        return stage;
    }

    @FXML
    private void initialize() {
        ToggleGroup periods = new ToggleGroup();
        InsightsViewModel.Period[] all = InsightsViewModel.Period.values();
        for (int i = 0; i < all.length; i++) {
            InsightsViewModel.Period period = all[i];
            ToggleButton button = new ToggleButton(period.label());
            button.setId("period-" + period.name().toLowerCase(java.util.Locale.ROOT));
            button.setUserData(period);
            button.setToggleGroup(periods);
            button.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == all.length - 1 ? Styles.RIGHT_PILL
                    : Styles.CENTER_PILL);
            button.setSelected(model.periodProperty().get() == period);
            periodButtons.getChildren().add(button);
        }
        periods.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one period is always chosen
            } else {
                model.periodProperty().set((InsightsViewModel.Period) now.getUserData());
            }
        });
        var custom = model.periodProperty().isEqualTo(InsightsViewModel.Period.CUSTOM);
        customDates.visibleProperty().bind(custom);
        customDates.managedProperty().bind(custom);
        fromPicker.valueProperty().bindBidirectional(model.customFromProperty());
        toPicker.valueProperty().bindBidirectional(model.customToProperty());

        refreshButton.setTooltip(new Tooltip(ViewLoader.text("insights.refresh")));
        refreshButton.disableProperty().bind(model.loadingProperty());
        exportButton.disableProperty().bind(model.loadingProperty().or(model.insightsProperty().isNull()));
        rangeLabel.textProperty().bind(model.rangeProperty());
        exportStatus.textProperty().bind(model.exportStatusProperty());
        problemLabel.textProperty().bind(model.problemProperty());
        problemLabel.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problemLabel.managedProperty().bind(problemLabel.visibleProperty());
        loadingPane.visibleProperty().bind(model.loadingProperty());

        model.figures().addListener((ListChangeListener<InsightsFigures.Figure>) change -> showFigures());
        model.insightsProperty().addListener((obs, was, now) -> {
            if (now != null) {
                showDays(now);
                showHours(now);
            }
        });
        countAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                // Counts are whole: fractional ticks of a small scale stay unlabelled.
                return value.doubleValue() == Math.rint(value.doubleValue())
                        ? java.text.NumberFormat.getIntegerInstance().format(value.longValue()) : "";
            }

            @Override
            public Number fromString(String text) {
                return Double.valueOf(text);
            }
        });
        buildLegend();
    }

    @FXML
    private void refresh() {
        model.load();
    }

    @FXML
    private void export() {
        saveLocation.choose(stage, ViewLoader.text("insights.export.title"), model.suggestedFileName())
                .ifPresent(model::export);
    }

    /** One box per section, each with its tiles. */
    private void showFigures() {
        Map<String, HBox> sections = new LinkedHashMap<>();
        for (InsightsFigures.Figure figure : model.figures()) {
            HBox tiles = sections.computeIfAbsent(figure.section(), section -> new HBox());
            tiles.getChildren().add(tile(figure));
        }
        List<VBox> boxes = sections.entrySet().stream().map(entry -> {
            Label title = new Label(ViewLoader.text("insights.section." + entry.getKey()));
            title.getStyleClass().add("insights-section-title");
            entry.getValue().getStyleClass().add("insights-section-tiles");
            VBox box = new VBox(title, entry.getValue());
            box.getStyleClass().add("insights-section");
            box.setId("section-" + entry.getKey());
            return box;
        }).toList();
        tileSections.getChildren().setAll(boxes);
    }

    private static VBox tile(InsightsFigures.Figure figure) {
        Label value = new Label(figure.shown());
        value.getStyleClass().add("tile-value");
        value.setId("figure-" + figure.id());
        Label label = new Label(figure.label());
        label.getStyleClass().add("tile-label");
        Label detail = new Label(figure.detail());
        detail.getStyleClass().add("tile-detail");
        detail.setWrapText(true);
        detail.setVisible(!figure.detail().isEmpty());
        VBox tile = new VBox(value, label, detail);
        tile.getStyleClass().add("insights-tile");
        tile.setId("tile-" + figure.id());
        tile.setAccessibleText(figure.fullLabel() + ": " + figure.shown());
        return tile;
    }

    private void showDays(Insights insights) {
        List<Insights.Day> days = insights.days();
        XYChart.Series<Number, Number> sent = new XYChart.Series<>();
        sent.setName(ViewLoader.text("insights.chart.sent"));
        XYChart.Series<Number, Number> received = new XYChart.Series<>();
        received.setName(ViewLoader.text("insights.chart.received"));
        for (int i = 0; i < days.size(); i++) {
            sent.getData().add(new XYChart.Data<>(i, days.get(i).sent()));
            received.getData().add(new XYChart.Data<>(i, days.get(i).received()));
        }
        dayChart.setCreateSymbols(days.size() <= 31);
        dayAxis.setLowerBound(0);
        dayAxis.setUpperBound(Math.max(1, days.size() - 1));
        dayAxis.setTickUnit(Math.max(1, Math.ceil(days.size() / 10.0)));
        DateTimeFormatter shortDate = DateTimeFormatter.ofPattern("d MMM", java.util.Locale.getDefault());
        LocalDate first = insights.from();
        dayAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number index) {
                return index.doubleValue() == Math.rint(index.doubleValue())
                        ? first.plusDays(index.longValue()).format(shortDate) : "";
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        });
        dayChart.getData().setAll(List.of(sent, received));
        if (dayChart.getCreateSymbols()) {
            for (XYChart.Series<Number, Number> series : dayChart.getData()) {
                for (XYChart.Data<Number, Number> point : series.getData()) {
                    LocalDate date = first.plusDays(point.getXValue().longValue());
                    Tooltip.install(point.getNode(), new Tooltip(series.getName() + ", "
                            + InsightsViewModel.dateText(date) + ": " + point.getYValue()));
                }
            }
        }
    }

    /** Rows Monday..Sunday, columns 0..23 h; the more messages, the stronger the accent colour. */
    private void showHours(Insights insights) {
        heatMap.getChildren().clear();
        heatMap.getColumnConstraints().clear();
        heatMapSubtitle.setText(ViewLoader.text("insights.heatmap.subtitle", insights.zone()));
        int max = insights.hours().stream().flatMap(List::stream).mapToInt(Integer::intValue).max().orElse(0);
        for (int hour = 0; hour < 24; hour += 3) {
            Label label = new Label(String.format("%02d", hour));
            label.getStyleClass().add("heat-hour");
            heatMap.add(label, hour + 1, 0, 3, 1);
        }
        for (int day = 0; day < insights.hours().size(); day++) {
            Label name = new Label(InsightsFigures.dayName(day, false));
            name.getStyleClass().add("heat-day");
            heatMap.add(name, 0, day + 1);
            for (int hour = 0; hour < 24; hour++) {
                int count = insights.hours().get(day).get(hour);
                Region cell = cell(count, max);
                cell.setId("heat-" + day + "-" + hour);
                String text = ViewLoader.text("insights.heatmap.cell", InsightsFigures.dayName(day, true),
                        String.format("%02d:00", hour), String.format("%02d:00", (hour + 1) % 24), count);
                Tooltip.install(cell, new Tooltip(text));
                cell.setAccessibleText(text);
                heatMap.add(cell, hour + 1, day + 1);
            }
        }
    }

    /** A cell of the heat map: empty, or the accent colour at a strength that grows with the count. */
    private static Region cell(int count, int max) {
        Region cell = new Region();
        cell.getStyleClass().add("heat-cell");
        if (count == 0 || max == 0) {
            cell.getStyleClass().add("empty");
        } else {
            cell.setOpacity(0.25 + 0.75 * count / max);
        }
        return cell;
    }

    private void buildLegend() {
        heatLegend.getChildren().add(new Label(ViewLoader.text("insights.heatmap.fewer")));
        heatLegend.getChildren().add(cell(0, 4));
        for (int level = 1; level <= 4; level++) {
            heatLegend.getChildren().add(cell(level, 4));
        }
        heatLegend.getChildren().add(new Label(ViewLoader.text("insights.heatmap.more")));
    }
}
