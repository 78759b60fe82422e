locals {
  pg_port = 5432
}

resource "aws_security_group_rule" "postgres" {
  type              = "ingress"
  from_port         = local.pg_port
  to_port           = local.pg_port
  protocol          = "tcp"
  cidr_blocks       = var.db_sources
  security_group_id = aws_security_group.db.id
}
