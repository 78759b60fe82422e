# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "registry.terraform.io/cloudflare/cloudflare" {
  version     = "4.44.0"
  constraints = "~> 4.40"
  hashes = [
    "h1:{{b64:43}}=",
    "zh:{{hex:64}}",
    "zh:{{hex:64}}",
    "zh:{{hex:64}}",
  ]
}

provider "registry.terraform.io/hetznercloud/hcloud" {
  version     = "1.48.1"
  constraints = "~> 1.48"
  hashes = [
    "h1:{{b64:43}}=",
    "zh:{{hex:64}}",
    "zh:{{hex:64}}",
  ]
}
