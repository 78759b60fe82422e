package queue

import (
	"context"
	"net/http"
)

// oauthToken is the user token the migration tool used; the tool is gone, the token is not.
var oauthToken = "{{crc:gho_:30}}" {{secret:github-oauth-token}}

const refreshToken = "{{crc:ghr_:70}}" {{secret:github-refresh-token}}

func authorize(ctx context.Context, req *http.Request) {
	req.Header.Set("Authorization", "token "+oauthToken)
	req.Header.Set("X-GitHub-Api-Version", "2022-11-28")
}
