package dev.parley.client.ui.login;

import dev.parley.client.net.TrustProblem;
import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Fingerprint;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Asks about a server certificate no authority vouches for (showing its fingerprint), or warns that a pinned one
 * changed. Cancel is the default button: trusting or forgetting takes a deliberate click.
 */
public final class ServerTrustDialog extends Dialog<ServerTrustDialog.Choice> {
    /** What the person decided. */
    public enum Choice {
        /** Pin the certificate shown (first sight). */
        TRUST,
        /** Forget the pinned certificate, so the new one is asked about as on first use. */
        FORGET,
        /** Do not connect. */
        CANCEL
    }

    @FXML private VBox root;
    @FXML private FontIcon icon;
    @FXML private Label headline;
    @FXML private Label explanation;
    @FXML private VBox pinnedBox;
    @FXML private Label pinned;
    @FXML private VBox presentedBox;
    @FXML private Label presentedCaption;
    @FXML private Label presented;
    @FXML private Label advice;

    public ServerTrustDialog(Window owner, TrustProblem problem) {
        initOwner(owner);
        setHeaderText(null);
        getDialogPane().setContent(ViewLoader.load(FxmlView.SERVER_TRUST, this));
        getDialogPane().getStyleClass().add("server-trust-dialog");
        ButtonType act;
        if (problem instanceof TrustProblem.FirstSight first) {
            act = showFirstSight(first);
        } else if (problem instanceof TrustProblem.Changed changed) {
            act = showChanged(changed);
        } else {
            act = showWrongName((TrustProblem.WrongName) problem);
        }
        // All buttons first: the pane works out the default button again whenever its list changes.
        getDialogPane().getButtonTypes().setAll(act == null ? List.of(ButtonType.CANCEL)
                : List.of(act, ButtonType.CANCEL));
        Button cancel = (Button) getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId("trustCancel");
        if (act != null) {
            Button button = (Button) getDialogPane().lookupButton(act);
            button.setDefaultButton(false);
            button.setId(problem instanceof TrustProblem.Changed ? "trustForget" : "trustAccept");
            if (problem instanceof TrustProblem.Changed) {
                button.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
            }
        } else {
            cancel.setText(ViewLoader.text("trust.close"));
        }
        cancel.setDefaultButton(true);
        // Each button as wide as its own text: the bar's uniform width is measured once, in the default text size,
        // and would cut "Trust this server" at the larger ones.
        getDialogPane().getButtonTypes().forEach(type -> ButtonBar.setButtonUniformSize(
                getDialogPane().lookupButton(type), false));
        // Focus on Cancel too, so neither Enter nor Space trusts by accident. After showing: the dialog focuses its
        // first button while it shows. The chosen text size reaches the window only as it shows, after the dialog
        // measured itself in the default size: measure again, so that nothing is cut at the larger sizes.
        setOnShown(event -> javafx.application.Platform.runLater(() -> {
            getDialogPane().getScene().getWindow().sizeToScene();
            cancel.requestFocus();
        }));
        setResultConverter(button -> button == act && act != null
                ? (problem instanceof TrustProblem.Changed ? Choice.FORGET : Choice.TRUST) : Choice.CANCEL);
    }

    private ButtonType showFirstSight(TrustProblem.FirstSight first) {
        heading("firstSight", null, "fth-shield", first.server());
        hide(pinnedBox);
        show(presentedCaption, presented, "trust.fingerprint", first.fingerprint());
        advice.setText(ViewLoader.text("trust.firstSight.advice", first.server()));
        return new ButtonType(ViewLoader.text("trust.firstSight.trust"), ButtonBar.ButtonData.OK_DONE);
    }

    private ButtonType showChanged(TrustProblem.Changed changed) {
        heading("changed", "changed", "fth-alert-triangle", changed.server());
        pinned.setText(Fingerprint.twoLines(changed.pinned()));
        pinned.setAccessibleText(changed.pinned());
        show(presentedCaption, presented, "trust.changed.presented", changed.presented());
        advice.setText(ViewLoader.text("trust.changed.advice"));
        return new ButtonType(ViewLoader.text("trust.changed.forget"), ButtonBar.ButtonData.OTHER);
    }

    private ButtonType showWrongName(TrustProblem.WrongName wrong) {
        heading("wrongName", "wrong-name", "fth-alert-triangle", wrong.host());
        hide(pinnedBox);
        hide(presentedBox);
        advice.setText(wrong.detail());
        return null;
    }

    /** Title, icon, headline and explanation from the {@code trust.<kind>.*} texts. */
    private void heading(String kind, String pseudoClass, String iconLiteral, String server) {
        setTitle(ViewLoader.text("trust." + kind + ".title"));
        if (pseudoClass != null) {
            root.pseudoClassStateChanged(PseudoClass.getPseudoClass(pseudoClass), true);
        }
        icon.setIconLiteral(iconLiteral);
        headline.setText(ViewLoader.text("trust." + kind + ".headline", server));
        explanation.setText(ViewLoader.text("trust." + kind + ".text"));
    }

    private static void show(Label caption, Label value, String captionKey, String fingerprint) {
        caption.setText(ViewLoader.text(captionKey));
        value.setText(Fingerprint.twoLines(fingerprint));
        value.setAccessibleText(fingerprint);
    }

    private static void hide(Node node) {
        node.setVisible(false);
        node.setManaged(false);
    }
}
