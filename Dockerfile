# claim-scrubber: build with Maven, run on a JRE. `docker compose up` uses this file.
# The image carries the processor module's jar: the production commands, no Kafka broker (README, Modules).
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY engine/pom.xml engine/pom.xml
COPY processor/pom.xml processor/pom.xml
COPY tools/pom.xml tools/pom.xml
COPY schemas schemas
COPY engine/src engine/src
COPY processor/src processor/src
RUN mvn -B -q package -DskipTests -pl processor -am

FROM eclipse-temurin:17.0.13_11-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home /var/lib/claim-scrubber claimscrubber && mkdir -p /var/lib/claim-scrubber \
    && chown claimscrubber /var/lib/claim-scrubber
COPY --from=build /src/processor/target/claim-scrubber.jar /app/claim-scrubber.jar
USER claimscrubber
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/claim-scrubber.jar"]
CMD ["run", "--http-port", "8080", "--http-bind", "0.0.0.0", "--state-dir", "/var/lib/claim-scrubber"]
