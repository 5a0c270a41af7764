# Builds the engine as one executable jar. Used by docker-compose.yml.
# Without the demo profile the engine starts only with DSAR_HASH_KEY, DSAR_ADMIN_USER / DSAR_ADMIN_PASSWORD and
# DSAR_CATALOGUE set (docs/security.md, "Safe defaults"); it listens on every interface of the container.
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN mvn -B -ntp -q package -DskipTests

FROM eclipse-temurin:17.0.13_11-jre
WORKDIR /app
COPY --from=build /src/target/dsar-engine-*.jar /app/dsar-engine.jar
RUN useradd --system --uid 10001 dsar && mkdir -p /app/data && chown dsar /app/data
USER dsar
# 8080: API, pages and webapps; 8081: health and metrics (management port, MANAGEMENT_PORT), never published.
EXPOSE 8080 8081
# Ready = the engine, its database and its state answer. Bash's /dev/tcp: the image needs no curl.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=5 CMD ["bash", "-c", \
    "exec 3<>/dev/tcp/127.0.0.1/${MANAGEMENT_PORT:-8081} && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-jar", "/app/dsar-engine.jar"]
