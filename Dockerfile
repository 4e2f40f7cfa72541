# acgbot container image. Build:  docker build -t acgbot .
# Run:    docker run -d --name acgbot -e TELEGRAM_BOT_TOKEN=... -v acgbot-data:/data -v acgbot-models:/models acgbot
# GPU variant and everything else: docs/service.md. Not built in this project's tests (no registry is reachable
# from the build machines); tests check that what it copies exists and that it runs the same launcher.

# ---- build: the Maven wrapper, as on a developer machine -------------------------------------------------
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY bot/ bot/
COPY models/ models/
COPY plugins/ plugins/
# MAVEN_ARGS=-Pgpu builds with the ONNX Runtime CUDA library (see docs/service.md, "GPU")
ARG MAVEN_ARGS=""
RUN ./mvnw -B --no-transfer-progress -DskipTests ${MAVEN_ARGS} package

# ---- run: a JRE >= 21, a user without privileges, data and models on volumes ---------------------------
FROM eclipse-temurin:21-jre
RUN groupadd --system --gid 10001 acgbot \
 && useradd --system --uid 10001 --gid acgbot --home-dir /data --shell /usr/sbin/nologin acgbot \
 && mkdir -p /data /models \
 && chown acgbot:acgbot /data /models
WORKDIR /opt/acgbot
COPY acgbot ./acgbot
COPY config/ ./config/
COPY deploy/container.yaml ./deploy/container.yaml
COPY --from=build /src/bot/app/target/acgbot-all.jar ./bot/app/target/acgbot-all.jar
ENV ACGBOT_CONFIG=/opt/acgbot/deploy/container.yaml \
    JAVA_HOME=/opt/java/openjdk
USER acgbot
VOLUME ["/data", "/models"]
EXPOSE 9464
# bash's /dev/tcp: the JRE image has no curl, and a JVM per probe would cost a second of CPU
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9464 && printf 'GET /healthz HTTP/1.0\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]
# the same launcher as on a server: it finds the JRE and runs the jar (exec, so SIGTERM reaches the JVM)
ENTRYPOINT ["/opt/acgbot/acgbot"]
CMD ["run"]
