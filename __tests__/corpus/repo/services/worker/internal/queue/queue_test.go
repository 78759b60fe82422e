package queue

import "testing"

func TestFingerprint(t *testing.T) {
	got := fingerprint("hello")
	want := "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
	if got != want {
		t.Fatalf("fingerprint = %s, want %s", got, want)
	}
}

func TestRedact(t *testing.T) {
	in := "amqps://worker:s3cr3t-Pa55w0rd@rabbit.mq.internal:5671/agents" {{secret:amqp-connection-string}}
	if got := redact(in); got != "amqps://worker:***@rabbit.mq.internal:5671/agents" {
		t.Fatalf("redact = %q", got)
	}
}
