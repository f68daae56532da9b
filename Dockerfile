# Image of the hub for docker-compose.yml. Build the jar first: ./mvnw -B package -DskipTests
FROM eclipse-temurin:17-jre
WORKDIR /opt/lgsp-hub
RUN useradd --system --home /opt/lgsp-hub lgsp && mkdir -p /var/lib/lgsp-hub && chown lgsp /var/lib/lgsp-hub
COPY target/lgsp-hub.jar app.jar
COPY routes routes
COPY mappings mappings
USER lgsp
ENV SPRING_PROFILES_ACTIVE=prod
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s CMD wget -qO- http://127.0.0.1:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "app.jar"]
