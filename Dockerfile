# Builds the engine as one executable jar. Used by docker-compose.yml.
# Without the demo profile the engine starts only with DSAR_HASH_KEY, DSAR_ADMIN_USER / DSAR_ADMIN_PASSWORD and
# DSAR_CATALOGUE set (README, "Safe defaults"); it listens on every interface of the container.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN mvn -B -ntp -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/dsar-engine-*.jar /app/dsar-engine.jar
RUN useradd --system --uid 10001 dsar && mkdir -p /app/data && chown dsar /app/data
USER dsar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/dsar-engine.jar"]
