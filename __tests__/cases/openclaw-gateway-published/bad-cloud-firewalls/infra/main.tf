resource "aws_security_group" "openclaw" {
  name = "openclaw-gateway"

  ingress {
    description = "gateway"
    from_port   = 18789
    to_port     = 18790
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }

  ingress {
    description = "noVNC for the sandbox browser"
    from_port   = 6080
    to_port     = 6080
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "hcloud_firewall" "agent" {
  name = "agent"
  rule {
    direction  = "in"
    protocol   = "tcp"
    port       = "18789"
    source_ips = ["0.0.0.0/0", "::/0"]
  }
}
