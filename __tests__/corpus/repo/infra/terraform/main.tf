terraform {
  required_version = ">= 1.6"
  required_providers {
    hcloud     = { source = "hetznercloud/hcloud", version = "~> 1.48" }
    cloudflare = { source = "cloudflare/cloudflare", version = "~> 4.40" }
    aws        = { source = "hashicorp/aws", version = "~> 5.70" }
  }
}

provider "hcloud" {
  token = var.hcloud_token
}

provider "cloudflare" {
  api_token = var.cloudflare_api_token
}

provider "aws" {
  region     = "eu-central-1"
  access_key = "AKIA{{b32:16}}" {{secret:aws-access-key-id}}
  secret_key = "{{b64:40}}" {{secret}}
}

resource "hcloud_server" "agent" {
  name        = "agent-1"
  server_type = "cx22"
  image       = "ubuntu-24.04"
  ssh_keys    = [hcloud_ssh_key.deploy.id]
  user_data   = file("${path.module}/cloud-init.yaml")
}

resource "hcloud_ssh_key" "deploy" {
  name       = "deploy"
  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{{b64:43}} deploy@agentco"
}

resource "aws_iam_access_key" "ci" {
  user    = aws_iam_user.ci.name
  pgp_key = "keybase:agentco_ops"
}

output "ci_secret" {
  value     = aws_iam_access_key.ci.encrypted_secret
  sensitive = true
}
