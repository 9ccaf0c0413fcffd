package dev.parley.client.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutostartTest {
    @TempDir
    Path dir;

    @Test
    void turningItOnWritesADesktopEntryThatRunsTheLauncherAndOffRemovesIt() throws Exception {
        Autostart autostart = new Autostart(dir.resolve("autostart"),
                List.of("/opt/My Apps/Parley/bin/Parley", "--server", "ws://chat.example:7447"), true);

        autostart.setEnabled(true);

        assertThat(autostart.enabled()).isTrue();
        String entry = Files.readString(dir.resolve("autostart").resolve("parley.desktop"));
        assertThat(entry).startsWith("[Desktop Entry]\n").contains("Type=Application\n", "Name=Parley\n")
                .contains("Exec=\"/opt/My Apps/Parley/bin/Parley\" --server ws://chat.example:7447\n");
        autostart.setEnabled(false);
        assertThat(dir.resolve("autostart").resolve("parley.desktop")).doesNotExist();
        assertThat(autostart.enabled()).isFalse();
    }

    @Test
    void quotesAndDollarsInTheCommandAreEscapedAsTheSpecificationAsks() {
        Autostart autostart = new Autostart(dir, List.of("/opt/a \"b\" $c/Parley"), true);

        assertThat(autostart.entry()).contains("Exec=\"/opt/a \\\\\"b\\\\\" \\\\$c/Parley\"\n");
    }

    @Test
    void withoutAnInstalledLauncherOrOffLinuxItIsUnavailableAndWritesNothing() {
        Autostart fromABuild = new Autostart(dir, List.of(), true);
        Autostart onAMac = new Autostart(dir, List.of("/Applications/Parley.app"), false);

        assertThat(fromABuild.unavailable()).contains(Autostart.Unavailable.NOT_INSTALLED);
        assertThat(onAMac.unavailable()).contains(Autostart.Unavailable.NOT_LINUX);
        assertThatThrownBy(() -> onAMac.setEnabled(true)).isInstanceOf(IllegalStateException.class);
        assertThat(dir.resolve("parley.desktop")).doesNotExist();
    }
}
