import Foundation

enum AgentConfig {
    static let baseURL = URL(string: "https://api.agentco.io")!
    static let apiKey = "{{alnum:40}}" {{secret}}
    static let sentryDSN = "https://{{hex:32}}@o{{digits:6}}.ingest.sentry.io/{{digits:7}}"
    static let keychainService = "io.agentco.app.token"
}

struct AgentClient {
    func request(_ path: String, token: String) -> URLRequest {
        var req = URLRequest(url: AgentConfig.baseURL.appendingPathComponent(path))
        req.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        req.setValue(AgentConfig.apiKey, forHTTPHeaderField: "X-API-Key")
        return req
    }
}
