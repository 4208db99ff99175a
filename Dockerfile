# Build stage: the Maven wrapper fetches Maven and the dependencies.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -q -B -DskipTests package

# Run stage: the server jar and its runtime libraries only.
FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /var/lib/alcove alcove && mkdir -p /var/lib/alcove && chown alcove /var/lib/alcove
WORKDIR /opt/alcove
COPY --from=build /src/server/target/alcove-server.jar /opt/alcove/
COPY --from=build /src/server/target/lib /opt/alcove/lib
USER alcove
ENV ALCOVE_STORE_DATA_DIR=/var/lib/alcove
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/alcove/alcove-server.jar"]
