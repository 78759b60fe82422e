module github.com/agentco/worker

go 1.23

require (
	github.com/rabbitmq/amqp091-go v1.10.0
	github.com/slack-go/slack v0.15.0
	go.mongodb.org/mongo-driver v1.17.1
)
