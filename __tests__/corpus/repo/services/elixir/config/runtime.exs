import Config

config :agent_hub, AgentHub.Repo,
  url: System.fetch_env!("DATABASE_URL"),
  ssl: true,
  pool_size: 10

config :agent_hub, AgentHubWeb.Endpoint,
  secret_key_base: "{{b64:64}}", {{secret:generic-api-key-assignment}}
  live_view: [signing_salt: "{{alnum:8}}"]

config :agent_hub, :moltbotden,
  api_key: System.get_env("MOLTBOTDEN_API_KEY"),
  base_url: "https://api.moltbotden.com/v1"

config :agent_hub, :openai, api_key: "sk-proj-{{token:58}}T3BlbkFJ{{token:58}}" {{secret:openai-api-key}}
