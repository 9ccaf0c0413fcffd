package dev.parley.client;

import dev.parley.client.account.SavedSession;
import dev.parley.client.account.SignInService;
import dev.parley.client.launcher.DemoLauncher;
import dev.parley.client.net.ConnectionState;
import dev.parley.client.net.KnownServers;
import dev.parley.client.net.ServerTrust;
import dev.parley.client.notify.NotificationCenter;
import dev.parley.client.notify.NotificationSettings;
import dev.parley.client.notify.Notifier;
import dev.parley.client.notify.NotifierChoice;
import dev.parley.client.notify.TrayNotifier;
import dev.parley.client.settings.AccountSettings;
import dev.parley.client.settings.AppearanceSettings;
import dev.parley.client.settings.Autostart;
import dev.parley.client.settings.Settings;
import dev.parley.client.sync.ChatSession;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.attach.PhotoChooser;
import dev.parley.client.ui.stickers.StickerPackChooser;
import dev.parley.client.ui.chat.LinkOpener;
import dev.parley.client.ui.common.Formats;
import dev.parley.client.ui.common.PictureChooser;
import dev.parley.client.ui.common.SaveLocation;
import dev.parley.client.ui.login.LoginView;
import dev.parley.client.ui.login.LoginViewModel;
import dev.parley.client.ui.login.ServerTrustPrompt;
import dev.parley.client.ui.main.MainView;
import dev.parley.client.ui.main.MainViewModel;
import dev.parley.client.ui.main.StartingView;
import dev.parley.client.ui.main.StagePlacement;
import dev.parley.client.ui.main.WindowPlacement;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.beans.value.ObservableBooleanValue;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which screen a window shows, and the wiring behind each: starting (demo), sign-in, or the main window
 * of a signed-in session. All wiring is by hand and visible here.
 */
public final class Screens implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Screens.class);
    private static final URI DEFAULT_SERVER = URI.create("ws://localhost:7447");

    private final Stage stage;
    private final AppOptions options;
    private final LinkOpener links;
    private final SaveLocation saveLocation;
    private final PictureChooser pictureChooser;
    private final PhotoChooser photoChooser;
    private final StickerPackChooser stickerPackChooser;
    private final NotifierChoice notifiers;
    private final AppearanceSettings appearance;
    private final Autostart autostart;
    /** The server certificates this person trusted on first use, and the authorities the JDK trusts. */
    private final ServerTrust trust;
    private final ServerTrustPrompt trustPrompt;
    /** What "now" is for the signed-in session and its windows; tests move it by hand. */
    private Clock clock = Clock.systemUTC();
    private Notifier notifier;
    /** The signed-in account's "close to tray" setting, while the main window shows a session. */
    private ObservableBooleanValue closeToTray;
    /** The window went to the tray once, so the app no longer quits by itself when no window shows. */
    private boolean keptInTray;
    private NotificationCenter notifications;
    private final List<ChatSession> sessions = new ArrayList<>();
    private final java.util.Map<ChatSession, MainView> mainViews = new java.util.HashMap<>();
    private DemoLauncher demo;
    private final StagePlacement placement;
    /** The app window's main view, if it shows one, and the list width it should take (0: the default). */
    private MainView primaryView;
    private double listWidth;
    private boolean closed;

    /**
     * {@code links} opens the web links people click in messages (after they confirm); {@code saveLocation}
     * asks where to save files such as report evidence and photos; {@code pictureChooser} asks for a profile
     * photo and {@code photoChooser} for photos to send; {@code notifiers} makes the notifier (tray or in-app);
     * {@code appearance} is the theme and text size (already applied to windows), {@code autostart} start at login.
     */
    public Screens(Stage stage, AppOptions options, LinkOpener links, SaveLocation saveLocation,
            PictureChooser pictureChooser, PhotoChooser photoChooser, NotifierChoice notifiers,
            AppearanceSettings appearance, Autostart autostart) {
        this(stage, options, links, saveLocation, pictureChooser, photoChooser, notifiers, appearance, autostart,
                StickerPackChooser.fileChooser());
    }

    /** As above; {@code stickerPackChooser} asks for a sticker pack (folder or zip) to import. */
    public Screens(Stage stage, AppOptions options, LinkOpener links, SaveLocation saveLocation,
            PictureChooser pictureChooser, PhotoChooser photoChooser, NotifierChoice notifiers,
            AppearanceSettings appearance, Autostart autostart, StickerPackChooser stickerPackChooser) {
        this.stickerPackChooser = stickerPackChooser;
        this.notifiers = notifiers;
        this.appearance = appearance;
        this.autostart = autostart;
        this.pictureChooser = pictureChooser;
        this.photoChooser = photoChooser;
        this.stage = stage;
        this.options = options;
        this.links = links;
        this.saveLocation = saveLocation;
        this.placement = new StagePlacement(stage);
        KnownServers known = KnownServers.in(options.dataDir());
        this.trust = ServerTrust.system(known);
        this.trustPrompt = new ServerTrustPrompt(known, () -> stage);
    }

    /**
     * Shows the first screen: the demo, the saved session's main window, or sign-in. The window's saved place is
     * read off the FX thread; the returned stage completes, on the FX thread, once the window has been put there
     * (or at the default size, centred), so callers show it then and it never jumps.
     */
    public CompletableFuture<Void> start() {
        CompletableFuture<Void> placed = restorePlacement();
        stage.titleProperty().unbind();
        stage.setTitle(ViewLoader.text("window.title"));
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.setOnCloseRequest(this::closing);
        if (options.demo()) {
            startDemo(stage);
        } else {
            SavedSession.load(options.dataDir())
                    .filter(saved -> saved.server().equals(options.server()))
                    .ifPresentOrElse(saved -> showMain(stage, saved, saved.cacheDir(options.dataDir())),
                            () -> showLogin(stage, options.server(), null));
        }
        return placed;
    }

    private void startDemo(Stage stage) {
        StartingView starting = new StartingView();
        setScene(stage, starting.root(), 1080, 720);
        Thread thread = new Thread(() -> {
            try {
                DemoLauncher launcher = DemoLauncher.start(options.dataDir(), !options.demoPeer());
                synchronized (this) {
                    if (closed) {
                        // The window was closed while the demo was starting: stop it instead of showing it.
                        launcher.close();
                        return;
                    }
                    demo = launcher;
                }
                Platform.runLater(() -> {
                    showMain(stage, launcher.user(), launcher.cacheDir(launcher.user()));
                    if (options.demoPeer()) {
                        Stage peer = new Stage();
                        showMain(peer, launcher.peer(), launcher.cacheDir(launcher.peer()));
                        sideBySide(stage, peer);
                        peer.show();
                    }
                });
            } catch (IOException | RuntimeException e) {
                log.error("the demo could not start", e);
                Platform.runLater(() -> starting.showProblem(ViewLoader.text("starting.failed", e.getMessage())));
            }
        }, "parley-demo-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** Both demo windows on screen at once: the user's on the left half, the peer's on the right. */
    private static void sideBySide(Stage left, Stage right) {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        double width = Math.max(left.getMinWidth(), screen.getWidth() / 2);
        for (Stage window : java.util.List.of(left, right)) {
            window.setWidth(width);
            window.setHeight(Math.min(screen.getHeight(), 760));
            window.setY(screen.getMinY());
        }
        left.setX(screen.getMinX());
        right.setX(screen.getMinX() + screen.getWidth() - width);
    }

    void showLogin(Stage stage, URI server, String notice) {
        LoginViewModel model = new LoginViewModel(new SignInService(deviceName(), trust), server == null
                ? DEFAULT_SERVER : server, notice, session -> {
                    try {
                        session.save(options.dataDir());
                    } catch (IOException e) {
                        log.warn("could not remember the session; you will sign in again next time", e);
                    }
                    showMain(stage, session, session.cacheDir(options.dataDir()));
                }, trustPrompt::ask);
        LoginView view = new LoginView(model);
        setScene(stage, view.root(), 1080, 720);
        view.focusFirstField();
    }

    /** Runs the sessions on this clock instead of the system's (tests move time by hand); before {@code start}. */
    public Screens withClock(Clock sessionClock) {
        this.clock = sessionClock;
        return this;
    }

    void showMain(Stage stage, SavedSession saved, Path cacheDir) {
        ChatSession session = new ChatSession(saved.server(), saved.token(), saved.profile(), cacheDir,
                Platform::runLater, clock, trust);
        // A new or changed certificate keeps the session offline until the person decides (asked once per attempt).
        session.trustProblemProperty().addListener((obs, old, problem) -> {
            if (problem != null) {
                Platform.runLater(() -> trustPrompt.ask(problem).whenComplete((outcome, error) -> {
                    if (error != null) {
                        log.warn("could not save the choice about {}'s certificate", problem.server(), error);
                    } else if (outcome == ServerTrustPrompt.Outcome.RETRY) {
                        session.retryConnectingNow();
                    }
                }));
            }
        });
        sessions.add(session);
        MainViewModel model = new MainViewModel(session, Formats.system(), links);
        NotificationSettings settings = NotificationSettings.load(cacheDir.resolve("notifications.properties"));
        AccountSettings account = AccountSettings.load(cacheDir, Platform::runLater);
        account.loaded().thenRun(() -> session.setMediaCacheCap(account.mediaCacheCapProperty().get()));
        account.mediaCacheCapProperty().addListener((obs, old, cap) -> session.setMediaCacheCap(cap.longValue()));
        boolean appWindow = stage == this.stage;
        MainView view = new MainView(model, stage, ViewLoader.text(options.demo() ? "account.quitDemo"
                : "account.signOut"), () -> signOut(stage, session), saveLocation, pictureChooser,
                photoChooser, new Settings(appearance, account, settings, autostart, trust.knownServers(),
                        () -> appWindow && notifier != null && notifier.inTray()), stickerPackChooser);
        setScene(stage, view.root(), 1080, 720);
        view.install();
        mainViews.put(session, view);
        if (appWindow) {
            primaryView = view;
            view.restoreListWidth(listWidth);
            closeToTray = account.closeToTrayProperty();
            // One notifier for the app's own window (the demo's second window stays quiet).
            notifications = new NotificationCenter(session, notifier(), settings, model.chat().conversationProperty(),
                    stage.focusedProperty().and(stage.iconifiedProperty().not()),
                    id -> bringForward(stage, model, id), view.pictures(), clock);
        }
        session.stateProperty().addListener((obs, old, state) -> {
            if (state == ConnectionState.SIGNED_OUT && !options.demo()) {
                endSession(session);
                forgetSavedSession();
                showLogin(stage, saved.server(), ViewLoader.text("login.notice.ended"));
            }
        });
        session.start();
    }

    /** Reads where the window was off the FX thread, then puts it there on the FX thread. */
    private CompletableFuture<Void> restorePlacement() {
        Path dataDir = options.dataDir();
        CompletableFuture<Optional<WindowPlacement>> read = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                read.complete(WindowPlacement.read(dataDir));
            } catch (RuntimeException e) {
                // The window must show all the same, at the default place.
                log.warn("cannot read the window placement", e);
                read.complete(Optional.empty());
            }
        }, "parley-window-placement");
        reader.setDaemon(true);
        reader.start();
        return read.thenAcceptAsync(saved -> saved.ifPresentOrElse(found -> {
            placement.apply(found);
            listWidth = found.listWidth();
            if (primaryView != null) {
                primaryView.restoreListWidth(listWidth);
            }
        }, placement::applyDefault), Platform::runLater);
    }

    /** Starts writing where the window is for the next start; call on the FX thread (the file is written off it). */
    private Thread savePlacement() {
        if (stage.getScene() == null || !(stage.getWidth() > 0)) {
            return null;
        }
        if (primaryView != null && primaryView.listWidth() > 0) {
            listWidth = primaryView.listWidth();
        }
        WindowPlacement current = placement.current(listWidth);
        Path dataDir = options.dataDir();
        Thread writer = new Thread(() -> current.write(dataDir), "parley-window-placement");
        writer.start();
        return writer;
    }

    private Notifier notifier() {
        if (notifier == null) {
            notifier = notifiers.choose(stage, new TrayNotifier.Actions(
                    () -> {
                        stage.setIconified(false);
                        stage.show();
                        stage.toFront();
                    },
                    choice -> {
                        if (notifications != null) {
                            notifications.settings().doNotDisturbUntilProperty().set(switch (choice) {
                                case ONE_HOUR -> java.time.Instant.now().plus(java.time.Duration.ofHours(1));
                                case UNTIL_TOMORROW -> dev.parley.client.ui.main.MainView.tomorrowMorning();
                                case OFF -> null;
                            });
                        }
                    },
                    Platform::exit));
        }
        return notifier;
    }

    /**
     * Closing the main window: with a tray icon and "close to tray" on, the window only hides (the tray's Open
     * brings it back, its Quit quits); otherwise the app quits.
     */
    private void closing(WindowEvent event) {
        if (notifier != null && notifier.inTray() && closeToTray != null && closeToTray.get()) {
            event.consume();
            Platform.setImplicitExit(false);
            keptInTray = true;
            stage.hide();
        } else if (keptInTray) {
            // Hiding to the tray turned off quitting when the last window closes; quit as asked.
            Platform.exit();
        }
    }

    /** A notification was clicked: the window comes forward with that conversation open. */
    private static void bringForward(Stage stage, MainViewModel model, long conversationId) {
        stage.setIconified(false);
        stage.show();
        stage.toFront();
        stage.requestFocus();
        model.conversations().select(conversationId);
    }

    private void signOut(Stage stage, ChatSession session) {
        if (options.demo()) {
            // The demo keeps its people: leaving it must not end the demo user's session on the demo server.
            Platform.exit();
            return;
        }
        session.signOut().whenComplete((done, error) -> Platform.runLater(() -> {
            endSession(session);
            forgetSavedSession();
            if (options.demo()) {
                Platform.exit();
            } else {
                showLogin(stage, options.server(), null);
            }
        }));
    }

    private void forgetSavedSession() {
        try {
            SavedSession.forget(options.dataDir());
        } catch (IOException e) {
            log.warn("could not forget the saved session", e);
        }
    }

    private void endSession(ChatSession session) {
        if (notifications != null && mainViews.get(session) != null && stage.getScene() != null) {
            notifications.close();
            notifications = null;
            closeToTray = null;
        }
        sessions.remove(session);
        MainView view = mainViews.remove(session);
        if (view != null && view == primaryView) {
            // The next account's list takes the same width.
            listWidth = view.listWidth() > 0 ? view.listWidth() : listWidth;
            primaryView = null;
        }
        if (view != null) {
            view.dispose();
        }
        Thread closer = new Thread(session::close, "parley-session-close");
        closer.setDaemon(true);
        closer.start();
    }

    private static void setScene(Stage stage, Parent root, double width, double height) {
        // The main window binds the title to the unread count; a new screen starts from a plain title.
        stage.titleProperty().unbind();
        stage.setTitle(ViewLoader.text("window.title"));
        if (stage.getScene() == null) {
            Scene scene = new Scene(root, width, height);
            scene.getStylesheets().add(ViewLoader.stylesheet("app.css"));
            stage.setScene(scene);
        } else {
            stage.getScene().setRoot(root);
        }
    }

    private static String deviceName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "");
        String os = System.getProperty("os.name", "desktop");
        return host.isBlank() ? "Parley on " + os : "Parley on " + host;
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        Thread saving = Platform.isFxApplicationThread() ? savePlacement()
                : CompletableFuture.supplyAsync(this::savePlacement, Platform::runLater)
                        .completeOnTimeout(null, 5, TimeUnit.SECONDS).join();
        if (notifications != null) {
            notifications.close();
        }
        if (notifier != null) {
            notifier.close();
        }
        mainViews.values().forEach(MainView::dispose);
        mainViews.clear();
        sessions.forEach(ChatSession::close);
        sessions.clear();
        if (demo != null) {
            demo.close();
        }
        if (saving != null) {
            try {
                // The app is quitting: the small write must land before the JVM ends.
                saving.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
