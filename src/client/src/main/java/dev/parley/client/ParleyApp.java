package dev.parley.client;

import atlantafx.base.theme.PrimerLight;
import dev.parley.client.account.SavedSession;
import dev.parley.client.account.SignInService;
import dev.parley.client.launcher.DemoLauncher;
import dev.parley.client.net.ConnectionState;
import dev.parley.client.sync.ChatSession;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Formats;
import dev.parley.client.ui.login.LoginView;
import dev.parley.client.ui.login.LoginViewModel;
import dev.parley.client.ui.main.MainView;
import dev.parley.client.ui.main.MainViewModel;
import dev.parley.client.ui.main.StartingView;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: wires everything by hand and moves between the sign-in and main screens. */
public final class ParleyApp extends Application {
    private static final Logger log = LoggerFactory.getLogger(ParleyApp.class);
    private static final URI DEFAULT_SERVER = URI.create("ws://localhost:7447");

    private final List<ChatSession> sessions = new ArrayList<>();
    private AppOptions options;
    private DemoLauncher demo;

    @Override
    public void start(Stage stage) {
        options = AppOptions.get();
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setTitle(ViewLoader.text("window.title"));
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        if (options.demo()) {
            startDemo(stage);
        } else {
            SavedSession.load(options.dataDir())
                    .filter(saved -> saved.server().equals(options.server()))
                    .ifPresentOrElse(saved -> showMain(stage, saved, saved.cacheDir(options.dataDir())),
                            () -> showLogin(stage, options.server(), null));
        }
        stage.show();
    }

    private void startDemo(Stage stage) {
        StartingView starting = new StartingView();
        setScene(stage, starting.root(), 1080, 720);
        Thread thread = new Thread(() -> {
            try {
                DemoLauncher launcher = DemoLauncher.start(options.dataDir(), !options.demoPeer());
                Platform.runLater(() -> {
                    demo = launcher;
                    showMain(stage, launcher.user(), launcher.cacheDir(launcher.user()));
                    if (options.demoPeer()) {
                        Stage peer = new Stage();
                        peer.setTitle(ViewLoader.text("window.title"));
                        showMain(peer, launcher.peer(), launcher.cacheDir(launcher.peer()));
                        peer.setX(stage.getX() + 60);
                        peer.setY(stage.getY() + 60);
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

    private void showLogin(Stage stage, URI server, String notice) {
        LoginViewModel model = new LoginViewModel(new SignInService(deviceName()), server == null ? DEFAULT_SERVER
                : server, notice, session -> {
                    try {
                        session.save(options.dataDir());
                    } catch (IOException e) {
                        log.warn("could not remember the session; you will sign in again next time", e);
                    }
                    showMain(stage, session, session.cacheDir(options.dataDir()));
                });
        LoginView view = new LoginView(model);
        setScene(stage, view.root(), 1080, 720);
        view.focusFirstField();
    }

    private void showMain(Stage stage, SavedSession saved, Path cacheDir) {
        ChatSession session = new ChatSession(saved.server(), saved.token(), saved.profile(), cacheDir,
                Platform::runLater, Clock.systemUTC());
        sessions.add(session);
        MainViewModel model = new MainViewModel(session, Formats.system());
        MainView view = new MainView(model, stage, () -> signOut(stage, session));
        setScene(stage, view.root(), 1080, 720);
        view.install();
        session.stateProperty().addListener((obs, old, state) -> {
            if (state == ConnectionState.SIGNED_OUT && !options.demo()) {
                endSession(session);
                forgetSavedSession();
                showLogin(stage, saved.server(), ViewLoader.text("login.notice.ended"));
            }
        });
        session.start();
    }

    private void signOut(Stage stage, ChatSession session) {
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
        sessions.remove(session);
        Thread closer = new Thread(session::close, "parley-session-close");
        closer.setDaemon(true);
        closer.start();
    }

    private static void setScene(Stage stage, Parent root, double width, double height) {
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
    public void stop() {
        sessions.forEach(ChatSession::close);
        if (demo != null) {
            demo.close();
        }
    }
}
