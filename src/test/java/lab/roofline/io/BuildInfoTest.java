package lab.roofline.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copy as Command Line names the command the user has: installed, an app image, or the jar. */
class BuildInfoTest {
    @Test
    void anInstalledLauncherOnThePathIsJustItsName(@TempDir Path root) throws IOException {
        // As the .deb lays it out: the launcher under /opt, a link to it in /usr/bin.
        Path launcher = Files.createDirectories(root.resolve("opt/roofline-lab/bin")).resolve("roofline-lab");
        Files.writeString(launcher, "#!/bin/sh\n");
        Path bin = Files.createDirectories(root.resolve("usr/bin"));
        Files.createSymbolicLink(bin.resolve("roofline-lab"), launcher);
        String path = root.resolve("elsewhere") + java.io.File.pathSeparator + bin;
        assertThat(BuildInfo.command(launcher, null, path)).isEqualTo("roofline-lab");
    }

    @Test
    void anAppImageOffThePathIsItsLaunchersPathQuotedForTheShell(@TempDir Path root) throws IOException {
        Path launcher = Files.createDirectories(root.resolve("my apps/roofline-lab/bin")).resolve("roofline-lab");
        Files.writeString(launcher, "#!/bin/sh\n");
        assertThat(BuildInfo.command(launcher, null, "/usr/bin")).isEqualTo("'" + launcher + "'");
        // Another program of the same name on the PATH is not this one.
        Path other = Files.createDirectories(root.resolve("bin")).resolve("roofline-lab");
        Files.writeString(other, "#!/bin/sh\n");
        assertThat(BuildInfo.command(launcher, null, root.resolve("bin").toString())).isEqualTo("'" + launcher + "'");
    }

    @Test
    void theJarIsRunWithJava() {
        assertThat(BuildInfo.command(null, Path.of("/home/t/roofline-lab.jar"), "/usr/bin"))
                .isEqualTo("java -jar /home/t/roofline-lab.jar");
        assertThat(BuildInfo.command(null, null, null)).isEqualTo("java -jar roofline-lab.jar");
    }

    @Test
    void theBuildSaysItsVersionAndDate() {
        BuildInfo build = BuildInfo.current();
        assertThat(build.version()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(build.built()).matches("\\d{4}-\\d{2}-\\d{2}.*");
    }
}
