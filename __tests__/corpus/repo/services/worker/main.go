package main

import (
	"context"
	"log/slog"
	"os"
	"os/signal"

	"github.com/agentco/worker/internal/queue"
	"github.com/slack-go/slack"
)

const (
	slackToken     = "xoxb-{{digits:12}}-{{digits:13}}-{{alnum:24}}" {{secret:slack-bot-token}}
	defaultChannel = "C{{upper:10}}"
	userAgent      = "agentco-worker/3.14 (+https://agentco.io)"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	token := os.Getenv("SLACK_BOT_TOKEN")
	if token == "" {
		token = slackToken
	}
	api := slack.New(token)
	q, err := queue.Open(ctx, os.Getenv("AMQP_URL"))
	if err != nil {
		slog.Error("queue", "err", err)
		os.Exit(1)
	}
	q.Consume(ctx, func(msg queue.Message) error {
		_, _, err := api.PostMessageContext(ctx, defaultChannel, slack.MsgOptionText(msg.Body, false))
		return err
	})
}
