# Providers for the 2022 stack; being migrated to main.tf.
provider "heroku" {
  email   = "ops@agentco.io"
  api_key = "{{uuid:4}}" {{secret}}
}

provider "netlify" {
  token = "{{token:43}}" {{secret}}
}

locals {
  vercel_api_token      = "{{alnum:24}}" {{secret:vercel-token-legacy}}
  together_api_key      = "{{hex:64}}" {{secret:together-api-key-legacy}}
  elevenlabs_api_key    = "{{hex:32}}" {{secret:elevenlabs-api-key-legacy}}
  discord_client_secret = "{{token:32}}" {{secret:discord-client-secret}}
  newrelic_admin_key    = "NRAA-{{hex:27}}" {{secret:newrelic-admin-api-key}}
  mailgun_domain        = "mg.agentco.io"
}
