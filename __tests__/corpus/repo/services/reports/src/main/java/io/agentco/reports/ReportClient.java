package io.agentco.reports;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

public final class ReportClient {
    private static final String DD_API_KEY = "{{hex:32}}"; {{secret:datadog-api-key}}
    private static final String NEW_RELIC_USER_KEY = "NRAK-{{upper:27}}"; {{secret:newrelic-user-api-key}}
    private static final String SENTRY_DSN = "https://{{hex:32}}@o{{digits:6}}.ingest.sentry.io/{{digits:7}}";
    private static final String TRACE_HEADER = "x-datadog-trace-id";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public HttpRequest metrics(String body) {
        return HttpRequest.newBuilder(URI.create("https://api.datadoghq.eu/api/v2/series"))
            .header("DD-API-KEY", System.getenv().getOrDefault("DD_API_KEY", DD_API_KEY))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    }
}
