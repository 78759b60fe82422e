resource "aws_security_group" "vnc" {
  ingress {
    from_port   = 5900
    to_port     = 5900
    protocol    = "tcp"
    cidr_blocks = ["203.0.113.5/32"]
  }
}
