package dev.acgbot.app;

import dev.acgbot.core.config.BotConfig;
import dev.acgbot.core.config.ServiceSettings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What can be checked of the container and systemd files without Docker or systemd: the image cannot be built
 * here (no registry is reachable), so its inputs and its wiring to the launcher and the health port are checked.
 */
class ServiceFilesTest {
    static final Path ROOT = Path.of(System.getProperty("acgbot.root", "../..")).toAbsolutePath().normalize();

    private static String read(String path) throws Exception {
        return Files.readString(ROOT.resolve(path), StandardCharsets.UTF_8);
    }

    @Test
    void everythingTheDockerfileCopiesFromTheRepositoryExists() throws Exception {
        List<String> sources = new ArrayList<>();
        for (String line : read("Dockerfile").lines().toList()) {
            String[] words = line.strip().split("\\s+");
            if (words.length >= 3 && words[0].equals("COPY") && !words[1].startsWith("--from")) {
                for (int i = 1; i < words.length - 1; i++) {
                    sources.add(words[i]);
                }
            }
        }
        assertTrue(sources.containsAll(List.of("mvnw", "pom.xml", ".mvn/", "bot/", "acgbot", "config/", "deploy/container.yaml")), sources::toString);
        for (String source : sources) {
            assertTrue(Files.exists(ROOT.resolve(source)), "COPY " + source + " exists in the repository");
        }
    }

    @Test
    void theImageRunsTheSameLauncherOnTheJarItBuilt() throws Exception {
        String dockerfile = read("Dockerfile");
        assertTrue(dockerfile.contains("WORKDIR /opt/acgbot\n"));
        assertTrue(dockerfile.contains("COPY acgbot ./acgbot\n"));
        assertTrue(dockerfile.contains("ENTRYPOINT [\"/opt/acgbot/acgbot\"]"));
        Matcher jar = Pattern.compile("JAR=\"\\$ROOT/([^\"]+)\"").matcher(read("acgbot"));
        assertTrue(jar.find(), "the launcher names its jar");
        assertTrue(dockerfile.contains("COPY --from=build /src/" + jar.group(1) + " ./" + jar.group(1) + "\n"),
                "the built jar lands where the launcher looks: " + jar.group(1));
        assertTrue(dockerfile.contains("USER acgbot\n"), "runs as a user without privileges");
        assertTrue(dockerfile.contains("VOLUME [\"/data\", \"/models\"]"));
    }

    @Test
    void theHealthcheckProbesTheEndpointTheContainerConfigurationOpens() throws Exception {
        BotConfig config = BotConfig.load(ROOT.resolve("deploy/container.yaml"));
        ServiceSettings.Health health = ServiceSettings.health(config);
        assertEquals(new ServiceSettings.Health(true, "0.0.0.0", 9464), health);
        assertEquals(Path.of("/data"), config.dataDir());
        String dockerfile = read("Dockerfile");
        assertTrue(dockerfile.contains("/dev/tcp/127.0.0.1/" + health.port()) && dockerfile.contains("GET /healthz"), "HEALTHCHECK");
        assertTrue(dockerfile.contains("EXPOSE " + health.port()));
        assertTrue(read("deploy/docker-compose.yml").contains("\"127.0.0.1:" + health.port() + ":" + health.port() + "\""));
    }

    @Test
    void theSystemdUnitRestartsOnFailureButNotOnOperatorErrors() throws Exception {
        String unit = read("deploy/acgbot.service");
        for (String line : List.of("Restart=on-failure", "RestartPreventExitStatus=2", "EnvironmentFile=/etc/acgbot/acgbot.env",
                "ExecStart=/opt/acgbot/acgbot run", "NoNewPrivileges=yes", "ProtectSystem=strict", "User=acgbot")) {
            assertTrue(unit.lines().anyMatch(line::equals), line);
        }
        assertTrue(Files.exists(ROOT.resolve("deploy/acgbot.env.example")));
    }

    @Test
    void theSystemdUnitPassesSystemdAnalyzeVerify(@TempDir Path dir) throws Exception {
        Path tool = findOnPath("systemd-analyze");
        Assumptions.assumeTrue(tool != null, "systemd-analyze is not installed here; the unit was not verified (install systemd to check it)");
        // verify checks that ExecStart exists: point it at this checkout's launcher
        Path unit = dir.resolve("acgbot.service");
        Files.writeString(unit, read("deploy/acgbot.service").replace("/opt/acgbot/acgbot", ROOT.resolve("acgbot").toString()));
        Process p = new ProcessBuilder(tool.toString(), "verify", unit.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.lines().noneMatch(l -> l.contains("acgbot.service")), "no warning about the unit:\n" + output);
    }

    private static Path findOnPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
