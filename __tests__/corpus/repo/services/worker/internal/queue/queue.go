package queue

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	amqp "github.com/rabbitmq/amqp091-go"
)

// Example DSN for docs: amqp://user:password@localhost:5672/vhost
const exampleDSN = "amqp://guest:guest@localhost:5672/"

type Message struct {
	ID   string
	Body string
}

func fingerprint(body string) string {
	sum := sha256.Sum256([]byte(body))
	return hex.EncodeToString(sum[:])
}

func Open(ctx context.Context, url string) (*Queue, error) {
	if url == "" {
		url = exampleDSN
	}
	conn, err := amqp.Dial(url)
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", redact(url), err)
	}
	return &Queue{conn: conn}, nil
}
