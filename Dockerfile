# syntax=docker/dockerfile:1
# Build: restore first (a layer that changes only with package references), then publish.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/UserPool.Api/UserPool.Api.csproj src/UserPool.Api/
RUN dotnet restore src/UserPool.Api/UserPool.Api.csproj
COPY appsettings.json ./
COPY src/ src/
RUN dotnet publish src/UserPool.Api/UserPool.Api.csproj -c Release -o /app --no-restore

# The Debian-based aspnet image ships ICU, which the server needs (NFC and IDNA of unique keys); an Alpine or
# chiseled image would need ICU added, as the server does not run in invariant-globalization mode.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# Configured by environment (ConnectionStrings__UserPool, Bootstrap__*, …); the image never starts its own database.
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
# The aspnet image ships an unprivileged user named "app".
USER app
# Probe GET /health/live and /health/ready over HTTP from the orchestrator (the image has no curl).
ENTRYPOINT ["dotnet", "UserPool.Api.dll"]
