terraform {
  cloud {
    organization = "agentco"
    workspaces {
      name = "agents-prod"
    }
  }
}
