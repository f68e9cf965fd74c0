# syntax=docker/dockerfile:1

# Build with the Maven wrapper on a JDK 25 image.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /workspace
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN --mount=type=cache,target=/root/.m2 ./mvnw --batch-mode --no-transfer-progress dependency:resolve
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 ./mvnw --batch-mode --no-transfer-progress package -DskipTests \
    && cp target/customer-segmentation-service-*.jar app.jar \
    && java -Djarmode=tools -jar app.jar extract --destination extracted

# Run on a JRE 25 image as an unprivileged user.
FROM eclipse-temurin:25-jre
RUN apt-get update \
    && apt-get install --yes --no-install-recommends curl fontconfig fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system segmentation \
    && useradd --system --gid segmentation --no-create-home --shell /usr/sbin/nologin segmentation
WORKDIR /app
# the extracted jar (app.jar beside lib/) starts faster than the fat one, and an AOT cache needs it
COPY --from=build /workspace/extracted/ ./
# the JDK 25 AOT cache, from a training run against a throwaway PostgreSQL removed again in the same layer; its
# JVM options are the ENTRYPOINT's, so that the cache fits the JVM that reads it
COPY src/main/docker/aot-training.sh /tmp/aot-training.sh
RUN apt-get update \
    && apt-get install --yes --no-install-recommends postgresql \
    && sh /tmp/aot-training.sh /app/app.jar /app/app.aot -XX:MaxRAMPercentage=75 -XX:+UseG1GC \
    && apt-get purge --yes --auto-remove 'postgresql*' \
    && rm -rf /var/lib/apt/lists/* /var/lib/postgresql /tmp/aot-training.sh
USER segmentation
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
    CMD curl --fail --silent http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseG1GC", "-XX:AOTCache=/app/app.aot", "-jar", "/app/app.jar"]
