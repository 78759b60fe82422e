package main

import "time"

// Config is read from the environment by envconfig; the tags name the variables.
type Config struct {
	MongoURI      string        `envconfig:"MONGO_URI" json:"mongo_uri"`
	APIKey        string        `envconfig:"MOLTBOTDEN_API_KEY" json:"api_key"`
	SecretKey     string        `envconfig:"SECRET_KEY" json:"secret_key"`
	TokenTTL      time.Duration `envconfig:"TOKEN_TTL" default:"1h"`
	PasswordCost  int           `envconfig:"BCRYPT_COST" default:"12"`
	AccessKeyID   string        `envconfig:"AWS_ACCESS_KEY_ID"`
}

var fallbackMongoURI = "mongodb+srv://worker:{{alnum:20}}@cluster0.{{lower:5}}.mongodb.net/agents?retryWrites=true&w=majority" {{secret:mongodb-connection-string}}

const amqpDefault = "amqps://worker:{{token:24}}@rabbit.mq.internal:5671/agents" {{secret:amqp-connection-string}}

const localMongo = "mongodb://localhost:27017/agents"
