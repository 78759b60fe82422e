resource "aws_security_group" "openclaw" {
  name = "openclaw-gateway"

  ingress {
    description = "https through the reverse proxy"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "gateway from the office VPN only"
    from_port   = 18789
    to_port     = 18789
    protocol    = "tcp"
    cidr_blocks = ["203.0.113.7/32"]
  }
}
