package dev.acgbot.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acgbot.api.adapter.AdapterStartException;
import dev.acgbot.api.adapter.ChatAdapter;
import dev.acgbot.api.adapter.InboundSink;
import dev.acgbot.api.command.CommandSpec;
import dev.acgbot.core.BotRuntime;
import dev.acgbot.core.config.BotConfig;
import dev.acgbot.core.config.ServiceSettings;
import dev.acgbot.core.console.ConsoleAdapter;
import dev.acgbot.core.plugins.ServiceRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /healthz and /metrics over real HTTP, with the figures a console command leaves behind. */
class HealthEndpointTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private record Answer(int status, String contentType, String body) {
    }

    private static Answer get(HealthServer server, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    private static double sample(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static BotRuntime runtime(PrometheusMeterRegistry metrics) {
        ServiceRegistry services = new ServiceRegistry();
        services.register(MeterRegistry.class, metrics);
        return BotRuntime.startWithSources(BotConfig.parse("{}"), List.of(), List.of(), services);
    }

    @Test
    void countersMoveAfterAConsoleCommandAndHealthReportsTheConsole(@TempDir Path dir) throws Exception {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ServiceSettings.Health settings = new ServiceSettings.Health(true, "127.0.0.1", 0);
        try (BotRuntime runtime = runtime(metrics);
             HealthServer server = HealthServer.start(settings, new BotService(runtime)::health, metrics)) {
            String before = get(server, "/metrics").body();
            assertTrue(Double.isNaN(sample(before, "acgbot_commands_total{command=\"ping\",outcome=\"ok\"}")), before);
            assertEquals(0.0, sample(before, "acgbot_commands_refused_total{reason=\"busy\"}"), before);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ConsoleAdapter console = new ConsoleAdapter(new ByteArrayInputStream("/ping\n/ping\n/nosuch\n".getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(out, true, StandardCharsets.UTF_8), false, dir, dir.resolve("out"));
            assertTrue(runtime.startAdapter(console));
            console.awaitEnd();

            Answer metricsAnswer = get(server, "/metrics");
            assertEquals(200, metricsAnswer.status());
            assertTrue(metricsAnswer.contentType().startsWith("text/plain"), metricsAnswer.contentType());
            String after = metricsAnswer.body();
            assertEquals(2.0, sample(after, "acgbot_commands_total{command=\"ping\",outcome=\"ok\"}"), after);
            assertEquals(2.0, sample(after, "acgbot_command_latency_seconds_count{command=\"ping\"}"), after);
            assertTrue(after.contains("acgbot_command_latency_seconds_bucket{command=\"ping\",le="), "a latency histogram");
            assertEquals(0.0, sample(after, "acgbot_commands_queued"), after);
            assertEquals(2, runtime.metrics().handled(), "/stats reads the same registry");
            assertTrue(runtime.metrics().latencyPercentileMillis(50) >= 0, "p50 comes from the histogram");

            Answer health = get(server, "/healthz");
            assertEquals(200, health.status(), health.body());
            JsonNode json = new ObjectMapper().readTree(health.body());
            assertEquals("ok", json.get("status").asText());
            assertEquals("console", json.get("adapters").get(0).get("platform").asText());
            assertEquals("running", json.get("adapters").get(0).get("status").asText());
            assertEquals("none", json.get("store").asText(), "no gallery plugin in this runtime");
            assertTrue(json.get("last_error").isNull(), health.body());

            assertEquals(404, get(server, "/").status());
        }
    }

    @Test
    void healthIs503WhileNoAdapterHasConnected() throws Exception {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ChatAdapter offline = new ChatAdapter() {
            @Override
            public String platform() {
                return "telegram";
            }

            @Override
            public void start(InboundSink sink, List<CommandSpec> commands) throws AdapterStartException {
                throw new AdapterStartException(AdapterStartException.Reason.UNREACHABLE, "no route to api.telegram.org");
            }

            @Override
            public void close() {
            }
        };
        try (BotRuntime runtime = runtime(metrics);
             HealthServer server = HealthServer.start(new ServiceSettings.Health(true, "127.0.0.1", 0), new BotService(runtime)::health, metrics)) {
            runtime.startAdapter(offline);
            Answer health = get(server, "/healthz");
            assertEquals(503, health.status(), health.body());
            JsonNode json = new ObjectMapper().readTree(health.body());
            assertEquals("unavailable", json.get("status").asText());
            assertEquals("retrying", json.get("adapters").get(0).get("status").asText());
            assertTrue(json.get("last_error").asText().endsWith(" telegram: no route to api.telegram.org"), health.body());
        }
    }

}
