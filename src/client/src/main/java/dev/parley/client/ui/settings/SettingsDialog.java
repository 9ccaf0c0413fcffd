package dev.parley.client.ui.settings;

import dev.parley.client.settings.Settings;
import dev.parley.client.sync.ChatSession;
import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.AvatarPictures;
import dev.parley.client.ui.common.Formats;
import dev.parley.client.ui.common.PictureChooser;
import dev.parley.client.ui.privacy.PrivacyDialog;
import dev.parley.client.ui.profile.EditProfileDialog;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Settings (account menu, Ctrl+,): sections on the left, the chosen page on the right. Every change applies and
 * is saved at once, so the dialog only has Close. Pages are built the first time they are shown.
 */
public final class SettingsDialog extends Dialog<Void> {
    private final ChatSession session;
    private final Settings settings;
    private final AvatarPictures pictures;
    private final PictureChooser pictureChooser;
    private final Formats formats;
    private final String signOutLabel;
    private final Runnable signOut;
    private final Map<SettingsSection, Parent> pages = new EnumMap<>(SettingsSection.class);

    @FXML private ListView<SettingsSection> sections;
    @FXML private ScrollPane pageHolder;

    /** {@code signOut} signs this device out (or quits the demo); the dialog closes first. */
    public SettingsDialog(Window owner, ChatSession session, Settings settings, AvatarPictures pictures,
            PictureChooser pictureChooser, Formats formats, String signOutLabel, Runnable signOut) {
        this.session = session;
        this.settings = settings;
        this.pictures = pictures;
        this.pictureChooser = pictureChooser;
        this.formats = formats;
        this.signOutLabel = signOutLabel;
        this.signOut = signOut;
        initOwner(owner);
        setTitle(ViewLoader.text("settings.title"));
        setHeaderText(null);
        setResizable(true);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().setContent(ViewLoader.load(FxmlView.SETTINGS, this));
        getDialogPane().setPrefSize(820, 620);
        getDialogPane().setMinWidth(820);
        setResultConverter(button -> null);
    }

    /** Opens at a section. */
    public SettingsDialog showing(SettingsSection section) {
        sections.getSelectionModel().select(section);
        return this;
    }

    @FXML
    private void initialize() {
        sections.getItems().setAll(SettingsSection.values());
        sections.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(SettingsSection section, boolean empty) {
                super.updateItem(section, empty);
                setText(empty || section == null ? null : section.title());
                setGraphic(empty || section == null ? null : new FontIcon(section.icon()));
                setId(empty || section == null ? null : "section-" + section.name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        sections.getSelectionModel().selectedItemProperty().addListener((obs, old, section) -> {
            if (section != null) {
                pageHolder.setContent(pages.computeIfAbsent(section, this::page));
                pageHolder.setVvalue(0);
            }
        });
        sections.getSelectionModel().selectFirst();
    }

    private Parent page(SettingsSection section) {
        return switch (section) {
            case ACCOUNT -> new AccountSettingsView(new AccountSettingsViewModel(session, formats, this::signOut),
                    session.me(), signOutLabel, () -> new EditProfileDialog(window(), session, pictures,
                            pictureChooser).showAndWait(), pictures).root();
            case PRIVACY -> new PrivacySettingsView(new PrivacySummaryViewModel(session),
                    () -> new PrivacyDialog(window(), session).showAndWait()).root();
            case TRUSTED_SERVERS -> new TrustedServersSettingsView(new TrustedServersViewModel(
                    settings.knownServers(), session.server())).root();
            case NOTIFICATIONS -> new NotificationsSettingsView(new NotificationsViewModel(settings.notifications(),
                    settings.account(), settings.autostart(), settings.trayInUse().getAsBoolean(), formats,
                    Clock.systemUTC())).root();
            case APPEARANCE -> new AppearanceSettingsView(settings.appearance()).root();
            case MEDIA -> new MediaSettingsView(new MediaSettingsViewModel(session, settings.account(), formats)).root();
            case SHORTCUTS -> new ShortcutsSettingsView().root();
        };
    }

    private Window window() {
        return getDialogPane().getScene().getWindow();
    }

    private void signOut() {
        close();
        signOut.run();
    }
}
