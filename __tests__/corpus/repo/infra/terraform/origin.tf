provider "cloudflare" {
  alias           = "origin"
  api_user_service_key = "v1.0-{{hex:24}}-{{hex:146}}" {{secret:cloudflare-origin-ca-key}}
}

resource "cloudflare_origin_ca_certificate" "agents" {
  provider           = cloudflare.origin
  csr                = tls_cert_request.agents.cert_request_pem
  hostnames          = ["agents.agentco.io"]
  request_type       = "origin-rsa"
  requested_validity = 5475
}
