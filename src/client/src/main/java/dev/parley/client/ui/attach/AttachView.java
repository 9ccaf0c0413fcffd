package dev.parley.client.ui.attach;

import dev.parley.client.media.PhotoQuality;
import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import java.io.ByteArrayInputStream;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The attachment tray above the composer: thumbnails with remove buttons, a caption, the Standard / HD choice
 * with what each sends, and Send / Cancel. Also the one way in for the attach button, drops and pastes.
 */
public final class AttachView {
    private static final PseudoClass OVER_LIMIT = PseudoClass.getPseudoClass("over-limit");
    private static final double THUMB = 72;

    private final AttachViewModel model;
    private final PhotoChooser chooser;
    private final VBox root;

    @FXML private VBox tray;

    @FXML private ScrollPane thumbScroll;
    @FXML private HBox thumbs;
    @FXML private HBox preparingBox;
    @FXML private VBox refusalBox;
    @FXML private Label privacyNote;
    @FXML private TextField caption;
    @FXML private Label captionCounter;
    @FXML private HBox qualityRow;
    @FXML private ToggleGroup qualityGroup;
    @FXML private RadioButton standardChoice;
    @FXML private RadioButton hdChoice;
    @FXML private Label sameSize;
    @FXML private HBox hdWaitBox;
    @FXML private Button sendButton;

    public AttachView(AttachViewModel model, PhotoChooser chooser) {
        this.model = model;
        this.chooser = chooser;
        this.root = ViewLoader.load(FxmlView.ATTACH, this);
    }

    public VBox root() {
        return root;
    }

    @FXML
    private void initialize() {
        javafx.scene.control.MenuItem later = new javafx.scene.control.MenuItem(ViewLoader.text("schedule.menu"));
        later.setId("schedulePhotosItem");
        later.setOnAction(event -> new dev.parley.client.ui.schedule.ScheduleDialog(sendButton.getScene().getWindow(),
                model.scheduling()).showAndWait());
        sendButton.setContextMenu(new javafx.scene.control.ContextMenu(later));
        tray.visibleProperty().bind(model.showing());
        tray.managedProperty().bind(tray.visibleProperty());
        preparingBox.visibleProperty().bind(model.preparingProperty().greaterThan(0));
        preparingBox.managedProperty().bind(preparingBox.visibleProperty());
        var hasPhotos = Bindings.isNotEmpty(model.photos());
        thumbScroll.visibleProperty().bind(hasPhotos.or(model.preparingProperty().greaterThan(0)));
        thumbScroll.managedProperty().bind(thumbScroll.visibleProperty());
        model.photos().addListener((ListChangeListener<AttachViewModel.Attached>) change -> showPhotos());
        model.refusals().addListener((ListChangeListener<String>) change -> refusalBox.getChildren().setAll(
                model.refusals().stream().map(this::refusalLabel).toList()));
        refusalBox.managedProperty().bind(Bindings.isNotEmpty(refusalBox.getChildren()));

        caption.textProperty().bindBidirectional(model.captionProperty());
        caption.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                send();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                cancel();
            }
        });
        caption.visibleProperty().bind(hasPhotos);
        caption.managedProperty().bind(hasPhotos);
        captionCounter.textProperty().bind(model.captionCounter());
        model.captionOverLimit().addListener((obs, was, over) -> captionCounter.pseudoClassStateChanged(OVER_LIMIT, over));

        standardChoice.setUserData(PhotoQuality.STANDARD);
        hdChoice.setUserData(PhotoQuality.HD);
        qualityGroup.selectToggle(model.qualityProperty().get() == PhotoQuality.HD ? hdChoice : standardChoice);
        qualityGroup.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle != null) {
                model.qualityProperty().set((PhotoQuality) toggle.getUserData());
            }
        });
        var same = model.sameAtBothQualities();
        qualityRow.visibleProperty().bind(hasPhotos.and(same.not()));
        qualityRow.managedProperty().bind(qualityRow.visibleProperty());
        sameSize.visibleProperty().bind(hasPhotos.and(same));
        sameSize.managedProperty().bind(sameSize.visibleProperty());
        sendButton.disableProperty().bind(model.canSend().not());
        // After Send at HD, nothing about the message changes until the HD versions are ready and it goes.
        hdWaitBox.visibleProperty().bind(model.sendingAtHdProperty());
        hdWaitBox.managedProperty().bind(hdWaitBox.visibleProperty());
        caption.disableProperty().bind(model.sendingAtHdProperty());
        qualityRow.disableProperty().bind(model.sendingAtHdProperty());
        model.preparingHdProperty().addListener((obs, old, now) -> showChoices());
        privacyNote.textProperty().bind(model.privacyNote());
        showPhotos();
    }

    private Label refusalLabel(String sentence) {
        Label label = new Label(sentence);
        label.getStyleClass().add("attach-refusal");
        label.setWrapText(true);
        return label;
    }

    private void showPhotos() {
        thumbs.getChildren().setAll(model.photos().stream().map(this::thumbnail).toList());
        thumbs.getChildren().add(preparingBox);
        showChoices();
    }

    private void showChoices() {
        standardChoice.setText(ViewLoader.text("attach.quality.standard", model.summary(PhotoQuality.STANDARD)));
        hdChoice.setText(ViewLoader.text("attach.quality.hd", model.summary(PhotoQuality.HD)));
        sameSize.setText(model.sameSentence());
    }

    private Node thumbnail(AttachViewModel.Attached photo) {
        var preview = photo.preview();
        ImageView image = new ImageView(preview == null ? null : new Image(new ByteArrayInputStream(preview.bytes())));
        image.setFitWidth(THUMB);
        image.setFitHeight(THUMB);
        image.setPreserveRatio(true);
        image.setSmooth(true);
        Button remove = new Button(null, new FontIcon("fth-x"));
        remove.getStyleClass().addAll("button-icon", "flat", "attach-thumb-remove");
        String removeText = ViewLoader.text("attach.remove", photo.name());
        remove.setAccessibleText(removeText);
        remove.setTooltip(new Tooltip(removeText));
        remove.setOnAction(event -> model.remove(photo));
        StackPane tile = new StackPane(image, remove);
        if (photo.isVideo()) {
            FontIcon play = new FontIcon("fth-play-circle");
            play.getStyleClass().add("attach-thumb-video");
            tile.getChildren().add(1, play);
        }
        StackPane.setAlignment(remove, Pos.TOP_RIGHT);
        tile.setPrefSize(THUMB + 8, THUMB + 8);
        tile.setMinSize(THUMB + 8, THUMB + 8);
        tile.getStyleClass().add("attach-thumb");
        tile.setAccessibleText(photo.name());
        Tooltip.install(tile, new Tooltip(photo.name()));
        return tile;
    }

    /** The attach button: asks for photos and prepares them. */
    public void choose(Window owner) {
        var files = chooser.choose(owner);
        if (!files.isEmpty()) {
            model.addFiles(files);
        }
    }

    /** Lets photos be dropped onto {@code target} and pasted (Ctrl+V) while focus is inside it. */
    public PhotoDrop acceptDropsAndPastes(Node target) {
        return new PhotoDrop(model, target);
    }

    @FXML
    private void send() {
        model.send();
    }

    @FXML
    private void cancel() {
        model.clear();
    }

    /** For keyboard focus after attaching. */
    public TextField caption() {
        return caption;
    }
}
