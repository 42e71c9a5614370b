# syntax=docker/dockerfile:1
# storybot: the Slack bot in one image. Build: docker build -t storybot .
# Run:   docker run -p 3000:3000 -e SLACK_SIGNING_SECRET=… -e SLACK_BOT_TOKEN=xoxb-… storybot
# Every RUN step is a script in docker/ that CI (.ci/run) runs too, so what the image does is tested without Docker.
# Details: docs/OPERATIONS.md.

# ---- Stage 1: build. Maven and a full JDK are needed to compile and package, never to run.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Only what the build reads: the pom, the sources and the build scripts (.dockerignore keeps target/ and the rest out).
COPY pom.xml ./
COPY src ./src
COPY docker ./docker
# The jar. The Maven repository is a cache mount: rebuilds after a code change download nothing, and the
# downloaded jars never end up in a layer. Tests are skipped here because CI runs them on the same sources.
RUN --mount=type=cache,target=/root/.m2 SKIP_TESTS=true docker/build-jar.sh package
# The bundled story as files plus its index, built by the jar itself, so a new container answers at once.
RUN docker/build-index.sh target/storybot.jar /out

# ---- Stage 2: run. A JRE is all `java -jar` needs: no compiler, no Maven, no sources in the image.
FROM eclipse-temurin:17-jre
# Configuration is environment only. With both folders set, serve opens the built index at once when it records
# being built from exactly the files in the stories folder, else rebuilds it first; then again on every change.
ENV PORT=3000 \
    STORIES_DIR=/data/stories \
    INDEX_DIR=/data/index \
    FEEDBACK_DIR=/data/feedback \
    LOG_FORMAT=text
# The application: one fat jar, owned by root and read-only for the user that runs it.
COPY --from=build /src/target/storybot.jar /app/storybot.jar
# Seed data for the volumes, owned by the runtime user (a named volume starts as a copy of these).
COPY --from=build --chown=10001:10001 /out/stories /data/stories
COPY --from=build --chown=10001:10001 /out/index /data/index
COPY --from=build --chown=10001:10001 /out/feedback /data/feedback
# Stories are yours to replace (mount a folder); the index is derived and may live on a volume to survive restarts;
# feedback (👍/👎 clicks) is data worth keeping.
VOLUME ["/data/stories", "/data/index", "/data/feedback"]
# Not root: a numeric user needs no RUN useradd layer, and it owns nothing but /data.
USER 10001:10001
EXPOSE 3000
# The JRE image has no curl or wget; `storybot healthcheck` is the same jar on a tiny heap: GET /healthz, exit 0/1.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
  CMD ["java", "-Xmx24m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", "/app/storybot.jar", "healthcheck"]
# Heap: half the container's memory limit, the rest for the embedding model (native, about 250 MB with its working
# memory) and the page cache of a memory-mapped index; the stop signal is SIGTERM, which serve handles gracefully.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", "-jar", "/app/storybot.jar"]
CMD ["serve"]
